package jp.kenpo.kiosk.ui.keyboard;

import javafx.scene.layout.GridPane;

import jp.kenpo.kiosk.core.text.KanaKeys;

/**
 * The katakana keyboard laid out as the 50-on table everyone learned: ア行 on the right, each 行 a
 * column read downwards; 濁点 ゛, 半濁点 ゜, 小, ー, space and delete below.
 */
final class KanaKeyboard extends GridPane {

    /** Columns from ア行 (right) to ワ行 (left); blank where the table has no kana. */
    private static final String[] COLUMNS = {
            "アイウエオ", "カキクケコ", "サシスセソ", "タチツテト", "ナニヌネノ",
            "ハヒフヘホ", "マミムメモ", "ヤ　ユ　ヨ", "ラリルレロ", "ワ　ヲ　ン"};

    KanaKeyboard(Keyboards k) {
        getStyleClass().addAll("keyboard", "kana-keyboard");
        int n = COLUMNS.length;
        for (int col = 0; col < n; col++) {
            String kana = COLUMNS[col];
            for (int row = 0; row < 5; row++) {
                char c = kana.charAt(row);
                if (c != '　') {
                    add(k.key(String.valueOf(c), String.valueOf(c)), n - 1 - col, row);
                }
            }
        }
        // ン sits below ワ in some tables; here ワ行 has ワ, ヲ, ン.
        var dakuten = k.function("keyboard.dakuten", "key-dakuten", 1, () -> k.transformLast(KanaKeys::dakuten));
        var handakuten = k.function("keyboard.handakuten", "key-handakuten", 1,
                () -> k.transformLast(KanaKeys::handakuten));
        dakuten.getStyleClass().setAll("button", "key", "key-mark");
        handakuten.getStyleClass().setAll("button", "key", "key-mark");
        // a screen reader reads the mark's name, not the bare ゛
        jp.kenpo.kiosk.ui.common.Ui.name(dakuten, k.i18n(), "keyboard.dakuten.name");
        jp.kenpo.kiosk.ui.common.Ui.name(handakuten, k.i18n(), "keyboard.handakuten.name");
        add(dakuten, 0, 5);
        add(handakuten, 1, 5);
        add(k.function("keyboard.small", "key-small", 1, () -> k.transformLast(KanaKeys::small)), 2, 5);
        add(k.key("ー", "ー"), 3, 5);
        var space = k.function("keyboard.space", "key-space", 2, () -> k.type("　"));
        add(space, 4, 5, 2, 1);
        add(k.clearKey(2), 6, 5, 2, 1);
        add(k.backspaceKey(2), 8, 5, 2, 1);
    }
}
