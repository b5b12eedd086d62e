package jp.kenpo.kiosk.ui.keyboard;

import javafx.scene.layout.GridPane;

/**
 * 1–9 in rows of three (as on a telephone), 0 below, 全部消す and 1字消す beside it; every key two
 * wide, so that those two labels fit on theirs.
 */
final class NumericPad extends GridPane {

    NumericPad(Keyboards k) {
        getStyleClass().addAll("keyboard", "numeric-pad");
        for (int i = 1; i <= 9; i++) {
            var key = k.key(Integer.toString(i), Integer.toString(i));
            wide(key, k);
            add(key, (i - 1) % 3, (i - 1) / 3);
        }
        var zero = k.key("0", "0");
        wide(zero, k);
        add(k.clearKey(WIDE), 0, 3);
        add(zero, 1, 3);
        add(k.backspaceKey(WIDE), 2, 3);
    }

    /** Keys wide: 全部消す at 1em in 2 × 2.4em with a margin. */
    private static final double WIDE = 2;

    private static void wide(javafx.scene.control.Button b, Keyboards k) {
        k.size(b, WIDE);
    }
}
