package jp.kenpo.kiosk.ui.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.port.VoicePlayer;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.common.Ui;

/**
 * Voice guidance: when a screen is shown it speaks the screen's title and its leads (the sentences
 * that say what to do), then what the screen's message says, stopping what was being said;
 * afterwards each new message — an error, a camera's guidance once it has held — is spoken once
 * the sentence being said has ended (only the newest waits). On the outcome screen it reads the
 * receipt number character by character. A dialog over the screen (「登録を中止しますか？」, the idle
 * question, the language picker) says its question and its sentence when it opens, in place of what
 * was being said, and stops when it closes; a message that appeared below it meanwhile is said once
 * it has closed. Only
 * what has a clip is spoken; the member turns it off
 * with the header's 「音声 オン」, and the next member starts with the kiosk's setting again
 * (docs/journey.md §21).
 *
 * <p>Runs on the JavaFX thread.
 */
final class VoiceGuide {

    private final VoicePlayer player;
    private final I18n i18n;
    private final boolean siteDefault;
    private final BooleanProperty on = new SimpleBooleanProperty();
    private boolean resetting;
    /** The shown screen's root and the listeners on what its nodes say. */
    private Node shown;
    private final List<Runnable> detach = new ArrayList<>();
    /** The dialog open over the screen, or {@code null}: while there is one, it is what is spoken. */
    private Node dialog;
    /** A screen came while a dialog was open (a camera screen went on by itself): spoken once it closes. */
    private boolean screenUnderDialog;
    /** Messages that changed in this pulse, spoken together in the next (a headline and its text). */
    private final Set<Node> changed = new LinkedHashSet<>();

    /** @param enabled the kiosk's setting ({@code voice.enabled}): whether each session starts with voice */
    VoiceGuide(VoicePlayer player, I18n i18n, boolean enabled) {
        this.player = player;
        this.i18n = i18n;
        this.siteDefault = enabled && player.available();
        on.set(siteDefault);
        on.addListener((o, was, now) -> {
            if (resetting) {
                player.stop();
            } else if (now) {
                speakScreen();
            } else {
                player.stop();
            }
        });
        i18n.localeProperty().addListener((o, was, now) -> speakScreen());
    }

    /** Whether the member can turn voice on at all: there are clips and the kiosk allows it. */
    boolean offered() {
        return siteDefault;
    }

    /** Whether the guide speaks now; the header's toggle. */
    BooleanProperty onProperty() {
        return on;
    }

    /**
     * Back to the kiosk's setting, for the next member; says nothing, and the screen being left says
     * nothing more (the language's reset must not speak it again): the welcome screen is shown next.
     */
    void reset() {
        forget();
        dialog = null;
        screenUnderDialog = false;
        player.stop();
        resetting = true;
        on.set(siteDefault);
        resetting = false;
    }

    private void forget() {
        detach.forEach(Runnable::run);
        detach.clear();
        changed.clear();
        shown = null;
    }

    /**
     * A new screen is shown: what the last one said stops, and this one's title and leads are spoken —
     * except the welcome screen's, shown when nobody may be there (at start, after a session): it
     * speaks when a member asks for it, by choosing a language or turning voice on.
     */
    void shown(Node root) {
        forget();
        shown = root;
        listen(root);
        if (dialog != null) {
            screenUnderDialog = true; // the dialog's question is not cut short by the screen below
        } else if (Step.WELCOME.screenId().equals(root.getId())) {
            player.stop();
        } else {
            speakScreen();
        }
    }

    /**
     * A dialog opened over the screen, or {@code dialog == null}: the open one closed. An opening
     * dialog's question and sentence are spoken at once, cutting short what the screen was saying (the
     * member is asked something; on the welcome screen a dialog opens only when a member acts); a
     * closing one stops its speech — the member answered — and the screen is not spoken again, only
     * the messages that changed below the dialog while it was open; or the whole screen, if a new one
     * came below it.
     */
    void dialog(Node dialog) {
        boolean wasOpen = this.dialog != null;
        this.dialog = dialog;
        if (dialog != null) {
            speakScreen();
        } else if (wasOpen) {
            player.stop();
            // next pulse: a dialog closed by the session's end (中止する, the idle timeout) says nothing more
            Platform.runLater(this::afterDialog);
        }
    }

    private void afterDialog() {
        if (dialog != null) {
            return;
        }
        if (screenUnderDialog) {
            screenUnderDialog = false;
            changed.clear();
            speakScreen();
        } else if (!changed.isEmpty()) {
            speakChanged();
        }
    }

    /** What the member sees is spoken from its start: the dialog if one is open, else the screen. */
    private void speakScreen() {
        Node top = dialog != null ? dialog : shown;
        if (top == null || !on.get()) {
            player.stop();
            return;
        }
        List<String> keys = new ArrayList<>();
        collect(top, keys);
        play(keys);
    }

    /** The spoken keys of the visible nodes under {@code n}, in the order they are read on screen. */
    private static void collect(Node n, List<String> keys) {
        if (!n.isVisible()) {
            return;
        }
        if (n.getProperties().get(Ui.SPOKEN) instanceof ObservableValue<?> said) {
            if (said.getValue() instanceof Message m) {
                keys.add(m.key());
            }
        } else if (n.getProperties().get(Ui.MESSAGE_KEY) instanceof String key
                && (n.getStyleClass().contains("screen-title") || n.getStyleClass().contains("dialog-title")
                        || n.getStyleClass().contains("lead") || n.getStyleClass().contains(Ui.SPOKEN_HINT))) {
            keys.add(key);
        } else if (AutomationIds.RECEIPT_NUMBER.equals(n.getId()) && n instanceof Label receipt) {
            keys.add("done.receipt");
            keys.addAll(spelled(receipt.getText()));
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, keys);
            }
        }
    }

    /** The clips that read {@code text} character by character: digits, letters, hyphens. */
    static List<String> spelled(String text) {
        List<String> clips = new ArrayList<>();
        for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
                clips.add("char-" + c);
            } else if (c == '-') {
                clips.add("char-hyphen");
            }
        }
        return clips;
    }

    private void listen(Node n) {
        if (n.getProperties().get(Ui.SPOKEN) instanceof ObservableValue<?> said) {
            ChangeListener<Object> l = (o, was, now) -> changed(n, now);
            said.addListener(l);
            detach.add(() -> said.removeListener(l));
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                listen(child);
            }
        }
    }

    private void changed(Node n, Object now) {
        if (!(now instanceof Message) || !on.get()) {
            return;
        }
        // under a dialog the message waits for it to close: the member answers the question first
        if (changed.isEmpty() && dialog == null) {
            Platform.runLater(this::speakChanged);
        }
        changed.add(n);
    }

    private void speakChanged() {
        if (dialog != null) {
            return; // said when the dialog closes
        }
        List<String> keys = new ArrayList<>();
        for (Node n : changed) {
            if (visible(n) && n.getProperties().get(Ui.SPOKEN) instanceof ObservableValue<?> said
                    && said.getValue() instanceof Message m) {
                keys.add(m.key());
            }
        }
        changed.clear();
        if (!keys.isEmpty() && on.get()) {
            String language = I18n.tag(i18n.locale());
            // after the sentence being said: the screen's instruction is not cut short by its first message
            player.queue(language, keys.stream().filter(k -> player.has(language, k)).toList());
        }
    }

    private boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
            if (p == shown) {
                return true;
            }
        }
        return false;
    }

    private void play(List<String> keys) {
        String language = I18n.tag(i18n.locale());
        player.play(language, keys.stream().filter(k -> player.has(language, k)).toList());
    }
}
