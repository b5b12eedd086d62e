package jp.kenpo.kiosk.ui.keyboard;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;

/**
 * Letters (with a shift key), digits, and the symbols an email address and a password need,
 * plus the common address endings.
 */
final class AlphanumericKeyboard extends GridPane {

    private static final String[] ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private static final String SYMBOLS = "@.-_+!#$%&*?=/~^";
    private static final int COLUMNS = 11;
    private final BooleanProperty shift = new SimpleBooleanProperty(false);
    private final List<Button> letters = new ArrayList<>();

    AlphanumericKeyboard(Keyboards k) {
        getStyleClass().addAll("keyboard", "alnum-keyboard");
        // Eleven columns: digits, three letter rows (shift beside z), two symbol rows with the
        // common address endings; delete and clear two keys wide.
        int[] offset = {0, 0, 0, 2};
        for (int r = 0; r < ROWS.length; r++) {
            String row = ROWS[r];
            for (int i = 0; i < row.length(); i++) {
                String ch = String.valueOf(row.charAt(i));
                Button b = k.key(ch, ch);
                if (Character.isLetter(row.charAt(i))) {
                    letters.add(b);
                    b.setOnAction(e -> {
                        k.type(shift.get() ? ch.toUpperCase(java.util.Locale.ROOT) : ch);
                        shift.set(false);
                    });
                }
                add(b, i + offset[r], r);
            }
        }
        Button shiftKey = k.function("keyboard.shift", "key-shift", 2, () -> shift.set(!shift.get()));
        add(shiftKey, 0, 3, 2, 1);
        shift.addListener((obs, was, now) -> {
            for (Button b : letters) {
                b.setText(now ? b.getText().toUpperCase(java.util.Locale.ROOT) : b.getText().toLowerCase(java.util.Locale.ROOT));
            }
            shiftKey.getStyleClass().remove("key-active");
            if (now) {
                shiftKey.getStyleClass().add("key-active");
            }
        });
        add(k.backspaceKey(2), 9, 2, 2, 1);
        add(k.clearKey(2), 9, 3, 2, 1);
        for (int i = 0; i < SYMBOLS.length(); i++) {
            String s = String.valueOf(SYMBOLS.charAt(i));
            add(k.key(s, symbolId(SYMBOLS.charAt(i))), i % COLUMNS, 4 + i / COLUMNS);
        }
        int col = SYMBOLS.length() % COLUMNS;
        for (String ending : new String[] {".jp", ".com", ".ne.jp"}) {
            Button b = k.key(ending, "ending" + ending.replace('.', '-'));
            k.size(b, 2);
            add(b, col, 5, 2, 1);
            col += 2;
        }
    }

    /** Ids for symbol keys, readable in tests: {@code #key-at}, {@code #key-dot}, … */
    static String symbolId(char c) {
        return switch (c) {
            case '@' -> "at";
            case '.' -> "dot";
            case '-' -> "minus";
            case '_' -> "underscore";
            case '+' -> "plus";
            case '!' -> "bang";
            case '#' -> "hash";
            case '$' -> "dollar";
            case '%' -> "percent";
            case '&' -> "amp";
            case '*' -> "star";
            case '?' -> "question";
            case '=' -> "equals";
            case '/' -> "slash";
            case '~' -> "tilde";
            case '^' -> "caret";
            default -> Integer.toHexString(c);
        };
    }
}
