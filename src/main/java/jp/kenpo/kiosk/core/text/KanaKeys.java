package jp.kenpo.kiosk.core.text;

/**
 * What the 濁点, 半濁点 and 小 keys of the katakana keyboard do to the last character typed:
 * カ+゛→ガ, ハ+゜→パ, ツ+小→ッ; pressed again they undo (ガ+゛→カ).
 */
public final class KanaKeys {

    private static final String PLAIN = "カキクケコサシスセソタチツテトハヒフヘホウ";
    private static final String VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボヴ";
    private static final String HALF_PLAIN = "ハヒフヘホ";
    private static final String HALF_VOICED = "パピプペポ";
    private static final String BIG = "アイウエオツヤユヨワカケ";
    private static final String SMALL = "ァィゥェォッャュョヮヵヶ";

    private KanaKeys() {
    }

    /** 濁点: voiced if possible, back to plain if already voiced; otherwise unchanged. */
    public static char dakuten(char c) {
        int i = PLAIN.indexOf(c);
        if (i >= 0) {
            return VOICED.charAt(i);
        }
        i = VOICED.indexOf(c);
        if (i >= 0) {
            return PLAIN.charAt(i);
        }
        i = HALF_VOICED.indexOf(c);
        return i >= 0 ? VOICED.charAt(PLAIN.indexOf(HALF_PLAIN.charAt(i))) : c;
    }

    /** 半濁点: ハ行 → パ行 and back; バ行 → パ行. */
    public static char handakuten(char c) {
        int i = HALF_PLAIN.indexOf(c);
        if (i >= 0) {
            return HALF_VOICED.charAt(i);
        }
        i = HALF_VOICED.indexOf(c);
        if (i >= 0) {
            return HALF_PLAIN.charAt(i);
        }
        int v = VOICED.indexOf(c);
        if (v >= 0) {
            int h = HALF_PLAIN.indexOf(PLAIN.charAt(v));
            if (h >= 0) {
                return HALF_VOICED.charAt(h);
            }
        }
        return c;
    }

    /** 小: small form and back. */
    public static char small(char c) {
        int i = BIG.indexOf(c);
        if (i >= 0) {
            return SMALL.charAt(i);
        }
        i = SMALL.indexOf(c);
        return i >= 0 ? BIG.charAt(i) : c;
    }
}
