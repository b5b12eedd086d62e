package jp.kenpo.kiosk.ui.shell;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.common.Ui;

/**
 * The shell's questions, in its {@link ModalLayer}: 「操作を続けますか?」 with its countdown,
 * 「中止しますか?」, and the language picker. The voice guide speaks each one's {@code dialog-title}
 * and {@code lead} labels, and the countdown's sentence, when it opens (docs/journey.md §21).
 */
final class Dialogs {

    private static final Logger LOG = LoggerFactory.getLogger(Dialogs.class);

    private final I18n i18n;
    private final ModalLayer modal;
    private final Label idleSeconds = new Label();

    Dialogs(I18n i18n, ModalLayer modal) {
        this.i18n = i18n;
        this.modal = modal;
    }

    /** Closes whatever dialog is open. */
    void close() {
        modal.close();
    }

    /** Closes the idle question if it is open. */
    void closeIdle() {
        if (modal.showing(AutomationIds.IDLE_DIALOG)) {
            modal.close();
        }
    }

    /**
     * Asks 「操作を続けますか?」 (once) and shows the seconds left; 続ける runs {@code onContinue}
     * and closes the question.
     */
    void askIdle(long secondsLeft, Runnable onContinue) {
        if (!modal.showing(AutomationIds.IDLE_DIALOG)) {
            LOG.info("idle: asking whether to continue");
            modal.open(idleDialog(onContinue));
        }
        idleSeconds.textProperty().unbind();
        idleSeconds.textProperty().bind(i18n.text("idle.secondsLeft", secondsLeft));
    }

    private VBox idleDialog(Runnable onContinue) {
        idleSeconds.setId(AutomationIds.IDLE_SECONDS);
        idleSeconds.getStyleClass().setAll("label", "dialog-count");
        idleSeconds.setWrapText(true);
        idleSeconds.setMinHeight(Region.USE_PREF_SIZE);
        // spoken without its number, which changes every second: 「まもなく、入力した内容を消して…」
        Ui.spoken(idleSeconds, new ReadOnlyObjectWrapper<>(Message.of("idle.secondsLeft")));
        Button cont = Ui.button(i18n, "idle.continue", AutomationIds.IDLE_CONTINUE, "primary-action");
        cont.setOnAction(e -> {
            onContinue.run();
            modal.close();
            LOG.info("idle: member continued");
        });
        VBox d = new VBox(Ui.label(i18n, "idle.question", "dialog-title"), idleSeconds, cont);
        d.setId(AutomationIds.IDLE_DIALOG);
        return d;
    }

    /**
     * The language picker: one large button per language offered, each named in its own script (so a
     * member finds theirs whatever the screen's language), the current one marked; a choice closes it.
     */
    void chooseLanguage(Consumer<Locale> choose) {
        GridPane choices = new GridPane();
        choices.getStyleClass().add("language-choices");
        for (Locale l : i18n.offered()) {
            Button b = new Button(I18n.nativeName(l));
            b.setId(AutomationIds.LANG_CHOICE_PREFIX + I18n.tag(l));
            // each name in its own script's font (see lang-* in the stylesheet)
            b.getStyleClass().addAll("secondary-action", "language-choice", "lang-" + I18n.tag(l));
            if (l.equals(i18n.locale())) {
                b.getStyleClass().add("language-current");
            }
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setFocusTraversable(false);
            b.setOnAction(e -> {
                modal.close();
                LOG.info("language chosen: {}", I18n.tag(l));
                choose.accept(l);
            });
            int i = choices.getChildren().size();
            choices.add(b, i % 2, i / 2); // two columns: six languages fit without scrolling
        }
        Button close = Ui.button(i18n, "lang.close", AutomationIds.LANG_CLOSE, "secondary-action");
        close.setOnAction(e -> modal.close());
        VBox d = new VBox(Ui.label(i18n, "lang.title", "dialog-title"), choices, close);
        d.getStyleClass().add("language-dialog");
        d.setId(AutomationIds.LANG_DIALOG);
        modal.open(d);
    }

    /**
     * Asks 「中止しますか?」: 中止する runs {@code cancel} — unless the screen became busy meanwhile
     * (the registration is being sealed: it goes on to the outcome screen).
     */
    void askCancel(BooleanSupplier busy, Runnable cancel) {
        Button keep = Ui.button(i18n, "cancel.keep", AutomationIds.CANCEL_KEEP, "secondary-action");
        keep.setOnAction(e -> modal.close());
        Button confirm = Ui.button(i18n, "cancel.confirm", AutomationIds.CANCEL_CONFIRM, "danger-action");
        confirm.setOnAction(e -> {
            if (busy.getAsBoolean()) {
                modal.close();
            } else {
                cancel.run();
            }
        });
        HBox buttons = new HBox(keep, confirm);
        buttons.getStyleClass().add("row");
        VBox d = new VBox(Ui.label(i18n, "cancel.question", "dialog-title"),
                Ui.label(i18n, "cancel.explain", "lead"), buttons);
        d.setId(AutomationIds.CANCEL_DIALOG);
        modal.open(d);
    }
}
