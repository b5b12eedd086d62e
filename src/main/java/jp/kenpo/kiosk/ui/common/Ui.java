package jp.kenpo.kiosk.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.ui.I18n;

/** Small builders for the kiosk's look: texts bound to the language, big buttons, wrapped labels. */
public final class Ui {

    /** A label's message key, kept on the label for the voice guide (which speaks titles and leads). */
    public static final String MESSAGE_KEY = "kiosk.messageKey";
    /** What a node says aloud when it shows or changes: an {@code ObservableValue<Message>} kept on the node. */
    public static final String SPOKEN = "kiosk.spoken";
    /** The style class of a hint that voice guidance reads with the screen's leads (it keeps the hint's look). */
    public static final String SPOKEN_HINT = "spoken-hint";

    private Ui() {
    }

    /** Marks {@code node} as saying {@code message} aloud when the screen is shown and whenever it changes. */
    public static <N extends javafx.scene.Node> N spoken(N node, javafx.beans.value.ObservableValue<Message> message) {
        node.getProperties().put(SPOKEN, message);
        return node;
    }

    public static Label label(I18n i18n, String key, String... styleClasses) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getProperties().put(MESSAGE_KEY, key);
        l.setWrapText(true);
        l.getStyleClass().addAll(styleClasses);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    public static Label title(I18n i18n, String key) {
        return label(i18n, key, "screen-title");
    }

    public static Button button(I18n i18n, String key, String id, String... styleClasses) {
        Button b = new Button();
        b.textProperty().bind(i18n.text(key));
        b.setId(id);
        b.setWrapText(true);
        b.getStyleClass().addAll(styleClasses);
        b.setMinHeight(Region.USE_PREF_SIZE);
        return b;
    }

    /** The standard body of a member screen: a title, then the content, spaced for reading. */
    public static VBox page(String screenId, Label title) {
        VBox page = new VBox();
        page.setId(screenId);
        page.getStyleClass().add("page");
        page.getChildren().add(title);
        return page;
    }

    /**
     * Names a control for a screen reader (its accessible text), in the member's language: the texts of
     * {@code keys} one after another — a field by its label, a year field by its label and 「年」.
     */
    public static <T extends javafx.scene.Node> T name(T control, I18n i18n, String... keys) {
        control.accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> String.join(" ", java.util.Arrays.stream(keys).map(k -> i18n.get(k)).toList()),
                i18n.localeProperty()));
        return control;
    }

    public static Region grow() {
        Region r = new Region();
        VBox.setVgrow(r, Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
