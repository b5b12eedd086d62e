package jp.kenpo.kiosk.ui.common;

import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextField;

/** Small helpers for input fields. */
public final class Fields {

    private Fields() {
    }

    /** A formatter that refuses edits beyond {@code max} characters. */
    public static TextFormatter<String> limit(int max) {
        return new TextFormatter<>(change -> change.getControlNewText().length() <= max ? change : null);
    }

    /**
     * A field that refuses paste (keyboard shortcut and menu): for the email typed a second time,
     * which must really be typed again.
     */
    public static TextField noPaste() {
        TextField f = new TextField() {
            @Override
            public void paste() {
                // refused on purpose
            }
        };
        f.setContextMenu(new javafx.scene.control.ContextMenu());
        return f;
    }
}
