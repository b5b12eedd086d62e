package jp.kenpo.kiosk.core.text;

import java.util.regex.Pattern;

/**
 * Text from outside the kiosk — a server's answer, a cell of a file, an exception's message — made
 * fit for one log line: every control, line-separator and formatting character becomes a space
 * (so the text cannot start a line of its own), anything shaped like an email address becomes
 * {@code [address]}, and the result is clipped with "…".
 */
public final class LogText {

    /** The usual length: enough for a reason, too short for a document. */
    public static final int MAX = 200;
    static final String ADDRESS_MASK = "[address]";
    static final String CLIP = "…";

    /** A word with an at sign in it (ASCII or full-width): an address, as far as a log is concerned. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s]*[@＠][^\\s]*");

    private LogText() {
    }

    /** {@link #clean(String, int)} to {@link #MAX} characters. */
    public static String clean(String s) {
        return clean(s, MAX);
    }

    /** One line, no address, at most {@code max} characters (and the "…"); null becomes "". */
    public static String clean(String s, int max) {
        if (s == null) {
            return "";
        }
        String line = ADDRESS.matcher(oneLine(s)).replaceAll(ADDRESS_MASK);
        return clip(line, max);
    }

    /** The exception's simple class name and its cleaned message: {@code "IOException: …"}. */
    public static String of(Throwable t) {
        if (t == null) {
            return "";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + clean(m));
    }

    /** Control, line-separator and formatting (bidirectional overrides, zero-width) characters as spaces. */
    public static String oneLine(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length()).append(s, 0, i);
                }
                sb.append(' ');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean unsafe(char c) {
        if (Character.isISOControl(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT;
    }

    private static String clip(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, Math.max(0, max))) + CLIP;
    }

    /**
     * A copy of {@code t} and its causes for a log with a stack trace: the same frames, each message
     * cleaned. The copy's message starts with the original class name.
     */
    public static Throwable scrubbed(Throwable t) {
        return scrubbed(t, 0);
    }

    private static Throwable scrubbed(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return null;
        }
        Scrubbed s = new Scrubbed(t.getClass().getName()
                + (t.getMessage() == null ? "" : ": " + clean(t.getMessage())));
        s.setStackTrace(t.getStackTrace());
        Throwable cause = t.getCause() == t ? null : scrubbed(t.getCause(), depth + 1);
        if (cause != null) {
            s.initCause(cause);
        }
        for (Throwable suppressed : t.getSuppressed()) {
            Throwable c = scrubbed(suppressed, depth + 1);
            if (c != null) {
                s.addSuppressed(c);
            }
        }
        return s;
    }

    /** What {@link #scrubbed(Throwable)} makes: only a cleaned message and the original frames. */
    public static final class Scrubbed extends Exception {
        private static final long serialVersionUID = 1L;

        Scrubbed(String message) {
            super(message);
        }
    }
}
