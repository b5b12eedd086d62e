package jp.kenpo.kiosk.core.text;

/** Folding of what members type: full-width digits and letters, the many dashes, spaces. */
public final class Widths {

    private Widths() {
    }

    /** Full-width ASCII (０-９, Ａ-Ｚ, ａ-ｚ) to half-width; other characters unchanged. */
    public static char halfWidth(char c) {
        if (c >= '！' && c <= '～') {
            return (char) (c - '！' + '!');
        }
        return c;
    }

    /** Whether the character is one of the dashes people type for a hyphen. */
    public static boolean isDash(char c) {
        return switch (c) {
            case '-', '－', '‐', '‑', '‒', '–', '—', '―', '−', 'ー', 'ｰ', '─' -> true;
            default -> false;
        };
    }

    public static boolean isSpace(char c) {
        return c == ' ' || c == '\u3000' || c == '\t' || c == '\u00a0';
    }

    /**
     * Half-width digits, ASCII letters upper-cased, dashes as '-', spaces dropped; any other
     * character is kept as it is, for the caller to reject by name.
     */
    public static String foldAscii(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                continue;
            }
            if (isDash(c)) {
                sb.append('-');
                continue;
            }
            c = halfWidth(c);
            sb.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return sb.toString();
    }
}
