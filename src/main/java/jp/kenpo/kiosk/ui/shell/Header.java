package jp.kenpo.kiosk.ui.shell;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Phase;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;

/**
 * The bar on top of every screen: where the member is, the language, the text size, the contrast, the
 * voice and 中止. At the normal size one row (only the current phase named, the others by their
 * numbers, where all the names do not fit beside the buttons); with large text only the current phase,
 * and the buttons take a row of their own under it where they do not fit beside it, so that no word
 * of theirs is broken or cut short.
 */
final class Header extends VBox {

    private final I18n i18n;
    /** The phases; they wrap onto a second line rather than being cut short when the buttons need room. */
    private final FlowPane indicator = new FlowPane();
    private final Button cancel;
    private final Button lang;
    /** The buttons, right-aligned; each as wide as its words. */
    private final HBox controls = new HBox();
    /** The one row at the normal size: the phases, then the buttons. */
    private final HBox bar = new HBox();
    /** The style class of a phase shown by its number alone (where only the current one is named). */
    static final String NUMBER = "phase-number";
    /** Large text: only the current phase is named, so that the bar keeps to one or two lines. */
    private boolean compact;
    /** At the normal size, the phases in a row and the buttons wider than the bar. */
    private boolean crowded;
    /** The current phase named and the others by number fit beside the buttons. */
    private boolean numbersFit;

    Header(I18n i18n, Runnable onLanguage, Runnable onTextSize, Runnable onContrast, Runnable onCancel) {
        this.i18n = i18n;
        getStyleClass().add("header");
        setAlignment(Pos.CENTER_LEFT);
        indicator.setId(AutomationIds.STEP_INDICATOR);
        indicator.getStyleClass().add("step-indicator");
        indicator.setAlignment(Pos.CENTER_LEFT);
        indicator.setMinWidth(0);
        indicator.setPrefWrapLength(1);
        HBox.setHgrow(indicator, Priority.ALWAYS);

        // opens the language picker; the label says "Language" in English too, for a member who reads no Japanese
        lang = Ui.button(i18n, "header.language", AutomationIds.LANG, "header-button");
        lang.setOnAction(e -> onLanguage.run());
        // a kiosk configured for Japanese only offers no other language
        lang.setVisible(i18n.offersChoice());
        lang.setManaged(i18n.offersChoice());
        Button size = Ui.button(i18n, "header.textSize", AutomationIds.TEXT_SIZE, "header-button");
        size.setOnAction(e -> onTextSize.run());
        // the high-contrast theme, for a member with low vision
        Button contrast = Ui.button(i18n, "header.contrast", AutomationIds.CONTRAST, "header-button");
        contrast.setOnAction(e -> onContrast.run());
        cancel = Ui.button(i18n, "header.cancel", AutomationIds.CANCEL, "header-button", "cancel-button");
        cancel.setOnAction(e -> onCancel.run());
        for (Button b : List.of(lang, size, contrast, cancel)) {
            b.setFocusTraversable(false);
            b.setWrapText(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        controls.getStyleClass().add("header-controls");
        controls.setAlignment(Pos.CENTER_RIGHT);
        controls.setMinWidth(Region.USE_PREF_SIZE);
        controls.getChildren().addAll(lang, size, contrast, cancel);
        bar.getStyleClass().add("header-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        rows();
    }

    /** 中止 and the language are disabled while {@code busy} is true ({@code null}: never). */
    void busy(javafx.beans.value.ObservableBooleanValue busy) {
        for (Button b : List.of(lang, cancel)) {
            b.disableProperty().unbind();
            if (busy == null) {
                b.setDisable(false);
            } else {
                b.disableProperty().bind(busy);
            }
        }
    }

    /** With large text only the current phase shows; the others come back at the normal size. */
    void compact(boolean yes) {
        compact = yes;
        rows();
        phases();
    }

    /**
     * All the phases named, or only the current one: with large text, and at the normal size where the
     * phases in a row do not fit beside the buttons (longer words in some languages; there the others
     * keep their numbers) — wrapped, they would stand one under another and make the bar five lines tall.
     */
    private void phases() {
        boolean one = compact || crowded;
        for (var n : indicator.getChildren()) {
            boolean number = n.getStyleClass().contains(NUMBER);
            // the numbers only at the normal size: with large text the bar's height is worth more
            boolean shown = number ? crowded && !compact && numbersFit
                    : !one || n.getStyleClass().contains("phase-current");
            if (n.isVisible() != shown) {
                n.setVisible(shown);
                n.setManaged(shown);
            }
        }
    }

    /**
     * The width of the phases shown now, in one row (the indicator's own preferred width is its widest
     * phase: it wraps rather than cut one short).
     */
    private double shownPhasesWidth() {
        return rowWidth(javafx.scene.Node::isManaged);
    }

    /** The width of the current phase named and the others by number in one row, shown or not. */
    private double numberedWidth() {
        return rowWidth(n -> n.getStyleClass().contains(NUMBER) || n.getStyleClass().contains("phase-current"));
    }

    /** The width of every phase named in one row, shown or not. */
    private double allPhasesWidth() {
        return rowWidth(n -> !n.getStyleClass().contains(NUMBER));
    }

    /** The width of the indicator's children that {@code which} takes, side by side with its gaps. */
    private double rowWidth(java.util.function.Predicate<javafx.scene.Node> which) {
        double w = 0;
        int n = 0;
        for (var node : indicator.getChildren()) {
            if (which.test(node)) {
                w += node.prefWidth(-1);
                n++;
            }
        }
        return w + indicator.getHgap() * Math.max(0, n - 1);
    }

    /**
     * One row when the phase and the buttons fit side by side; with large text, when they do not, the
     * buttons go on a row of their own (decided again at every layout: the words change with the
     * language).
     */
    private void rows() {
        boolean two = compact && getWidth() > 0 && oneRowWidth() > getWidth();
        if (two && getChildren().size() != 2) {
            bar.getChildren().clear();
            getChildren().setAll(indicator, controls);
        } else if (!two && getChildren().size() != 1) {
            getChildren().setAll(bar);
            bar.getChildren().setAll(indicator, controls);
        }
    }

    private double oneRowWidth() {
        return snappedLeftInset() + snappedRightInset() + shownPhasesWidth() + bar.getSpacing()
                + controls.prefWidth(-1);
    }

    @Override
    protected void layoutChildren() {
        boolean crowdedNow = getWidth() > 0 && snappedLeftInset() + snappedRightInset() + allPhasesWidth()
                + bar.getSpacing() + controls.prefWidth(-1) > getWidth();
        double beside = snappedLeftInset() + snappedRightInset() + bar.getSpacing() + controls.prefWidth(-1);
        boolean numbersFitNow = beside + numberedWidth() <= getWidth();
        if (crowdedNow != crowded || numbersFitNow != numbersFit) {
            crowded = crowdedNow;
            numbersFit = numbersFitNow;
            phases();
        }
        rows();
        super.layoutChildren();
    }

    /** Shows the session's phases with the current one marked; an empty list hides the indicator. */
    void show(List<Phase> phases, Phase current, boolean cancellable) {
        indicator.getChildren().clear();
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            Label l = new Label();
            int number = i + 1;
            l.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> i18n.get("header.phase", number, i18n.get(p.messageKey())), i18n.localeProperty()));
            l.getStyleClass().add("phase");
            l.setMinWidth(Region.USE_PREF_SIZE);
            indicator.getChildren().add(l);
            if (p == current) {
                l.getStyleClass().add("phase-current");
                continue;
            }
            // Where only the current phase is named, the others keep their number: the member still
            // sees how many steps there are and how far along they are.
            Label n = new Label(Integer.toString(number));
            n.getStyleClass().add(NUMBER);
            n.accessibleTextProperty().bind(l.textProperty());
            n.setMinWidth(Region.USE_PREF_SIZE);
            if (current != null && phases.indexOf(current) > i) {
                l.getStyleClass().add("phase-done");
                n.getStyleClass().add("phase-done");
            }
            indicator.getChildren().add(n);
        }
        compact(compact);
        cancel.setVisible(cancellable);
        cancel.setManaged(cancellable);
    }

    /** Adds the voice toggle before 中止: 「音声 オン」 while the kiosk speaks, 「音声 オフ」 once the member turned it off. */
    void voice(javafx.beans.property.BooleanProperty on) {
        javafx.scene.control.ToggleButton voice = new javafx.scene.control.ToggleButton();
        voice.setId(AutomationIds.VOICE);
        voice.getStyleClass().addAll("header-button", "voice-toggle");
        voice.setFocusTraversable(false);
        voice.setMinWidth(Region.USE_PREF_SIZE);
        voice.selectedProperty().bindBidirectional(on);
        voice.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.get(on.get() ? "header.voiceOn" : "header.voiceOff"), on, i18n.localeProperty()));
        voice.setWrapText(false);
        controls.getChildren().add(controls.getChildren().indexOf(cancel), voice);
    }
}
