package jp.kenpo.kiosk.core.member;

import java.text.Normalizer;

import jp.kenpo.kiosk.core.text.Widths;

/**
 * 氏名（全角カナ） — the member's name in full-width katakana. Hiragana and half-width kana are
 * converted, spaces folded to one full-width space between the parts; any other character is
 * rejected, and the message names it.
 *
 * @param display the name as shown, parts separated by one full-width space
 */
public record KanaName(String display) {

    public static final int MAX_LENGTH = 40;
    public static final String EMPTY = "kana.error.empty";
    public static final String NOT_KANA = "kana.error.notKana";
    public static final String TOO_LONG = "kana.error.tooLong";

    /** The name, or the message key and (for {@link #NOT_KANA}) the first character refused. */
    public record Result(KanaName value, String messageKey, String offending) {
        public boolean ok() {
            return value != null;
        }
    }

    public static Result parse(String input) {
        if (input == null) {
            return new Result(null, EMPTY, null);
        }
        // NFKC turns half-width kana (ｶﾞ) into full-width (ガ) and full-width spaces into spaces.
        String s = Normalizer.normalize(input, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Widths.isSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            char k = toKatakana(c);
            if (!isKatakana(k)) {
                int cp = s.codePointAt(i);
                return new Result(null, NOT_KANA, new String(Character.toChars(cp)));
            }
            if (pendingSpace) {
                out.append('\u3000');
                pendingSpace = false;
            }
            out.append(k);
        }
        if (out.length() == 0) {
            return new Result(null, EMPTY, null);
        }
        if (out.length() > MAX_LENGTH) {
            return new Result(null, TOO_LONG, null);
        }
        return new Result(new KanaName(out.toString()), null, null);
    }

    /** The form the roster keys use: full-width katakana without spaces. */
    public String matchForm() {
        return display.replace("\u3000", "");
    }

    private static char toKatakana(char c) {
        if (c >= 'ぁ' && c <= 'ゖ') {
            return (char) (c + ('ァ' - 'ぁ'));
        }
        if (c == 'ゝ' || c == 'ゞ') {
            return (char) (c + ('ヽ' - 'ゝ'));
        }
        return c;
    }

    private static boolean isKatakana(char c) {
        return (c >= 'ァ' && c <= 'ヶ') || c == 'ー' || c == 'ヽ' || c == 'ヾ' || c == '・' || c == 'ヴ';
    }
}
