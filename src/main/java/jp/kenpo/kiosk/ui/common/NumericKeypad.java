package jp.kenpo.kiosk.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;

import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;

/**
 * An on-screen number pad for a text field: a kiosk has no keyboard. Keys are at least
 * {@code keyPx} square (15 mm at the configured screen density).
 */
public final class NumericKeypad extends GridPane {

    public NumericKeypad(I18n i18n, TextInputControl target, double keyPx, int maxLength) {
        getStyleClass().add("keypad");
        setAlignment(Pos.CENTER);
        String[] layout = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
        for (int i = 0; i < layout.length; i++) {
            add(digit(layout[i], target, keyPx, maxLength), i % 3, i / 3);
        }
        Button clear = Ui.button(i18n, "keypad.clear", AutomationIds.KEY_CLEAR, "key", "key-function");
        clear.setOnAction(e -> target.clear());
        Button delete = Ui.button(i18n, "keypad.delete", AutomationIds.KEY_DELETE, "key", "key-function");
        delete.setOnAction(e -> {
            String t = target.getText();
            if (!t.isEmpty()) {
                target.setText(t.substring(0, t.length() - 1));
                target.positionCaret(target.getLength());
            }
        });
        size(clear, keyPx);
        size(delete, keyPx);
        add(clear, 0, 3);
        add(digit("0", target, keyPx, maxLength), 1, 3);
        add(delete, 2, 3);
    }

    private static Button digit(String d, TextInputControl target, double keyPx, int maxLength) {
        Button b = new Button(d);
        b.setId(AutomationIds.KEY_PREFIX + d);
        b.getStyleClass().addAll("key", "key-digit");
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            if (target.getLength() < maxLength) {
                target.appendText(d);
            }
        });
        size(b, keyPx);
        return b;
    }

    private static void size(Button b, double keyPx) {
        b.setFocusTraversable(false);
        b.setMinSize(keyPx * 1.8, keyPx);
        b.setPrefSize(keyPx * 1.8, keyPx);
    }
}
