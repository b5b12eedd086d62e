package jp.kenpo.kiosk.core.resume;

import java.util.HashMap;
import java.util.Map;

/**
 * A strict reader of a token's payload: one JSON object (RFC 8259), whose members are returned
 * with their values as {@link String}, {@link Long} (integers without fraction or exponent) or
 * {@link #OTHER} for anything else (other numbers, booleans, null, arrays, objects — the
 * contract ignores unknown members, so their values are only checked for form). A member named
 * twice is refused: two readers of the same signed text must never see different values.
 * Core uses no JSON library; the payload is a few hundred characters at most.
 */
final class PayloadJson {

    /** The value of a member that is neither a text nor an integer. */
    static final Object OTHER = new Object();

    /** Deeper nesting is refused (the contract's payload is flat). */
    static final int MAX_DEPTH = 16;

    private final String s;
    private int i;

    private PayloadJson(String s) {
        this.s = s;
    }

    /** The top-level members, or {@code null} when the text is not exactly one well-formed JSON object. */
    static Map<String, Object> object(String text) {
        PayloadJson p = new PayloadJson(text);
        try {
            p.space();
            if (p.peek() != '{') {
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> members = (Map<String, Object>) p.value(0);
            p.space();
            return p.i == text.length() ? members : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("too deep");
        }
        char c = peek();
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                array(depth);
                return OTHER;
            case '"':
                return string();
            case 't':
                literal("true");
                return OTHER;
            case 'f':
                literal("false");
                return OTHER;
            case 'n':
                literal("null");
                return OTHER;
            default:
                return number();
        }
    }

    private Map<String, Object> object(int depth) {
        expect('{');
        Map<String, Object> members = new HashMap<>();
        space();
        if (peek() == '}') {
            i++;
            return members;
        }
        while (true) {
            space();
            String name = string();
            space();
            expect(':');
            space();
            Object v = value(depth + 1);
            if (members.put(name, v) != null) {
                throw new IllegalArgumentException("duplicate member");
            }
            space();
            char c = next();
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected , or }");
            }
        }
    }

    private void array(int depth) {
        expect('[');
        space();
        if (peek() == ']') {
            i++;
            return;
        }
        while (true) {
            space();
            value(depth + 1);
            space();
            char c = next();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected , or ]");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw new IllegalArgumentException("control character in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw new IllegalArgumentException("short \\u escape");
                    }
                    int code = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(s.charAt(i++), 16);
                        if (d < 0) {
                            throw new IllegalArgumentException("bad \\u escape");
                        }
                        code = code * 16 + d;
                    }
                    sb.append((char) code);
                }
                default -> throw new IllegalArgumentException("bad escape");
            }
        }
    }

    private Object number() {
        int start = i;
        if (peek() == '-') {
            i++;
        }
        if (peek() == '0') {
            i++;
        } else if (peek() >= '1' && peek() <= '9') {
            digits();
        } else {
            throw new IllegalArgumentException("not a value");
        }
        boolean integer = true;
        if (peek() == '.') {
            i++;
            requireDigit();
            digits();
            integer = false;
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            if (peek() == '+' || peek() == '-') {
                i++;
            }
            requireDigit();
            digits();
            integer = false;
        }
        if (!integer) {
            return OTHER;
        }
        try {
            return Long.parseLong(s.substring(start, i));
        } catch (NumberFormatException e) {
            return OTHER; // beyond a long: no time of ours
        }
    }

    private void requireDigit() {
        if (peek() < '0' || peek() > '9') {
            throw new IllegalArgumentException("digit expected");
        }
    }

    private void digits() {
        while (peek() >= '0' && peek() <= '9') {
            i++;
        }
    }

    private void literal(String word) {
        if (!s.startsWith(word, i)) {
            throw new IllegalArgumentException("not a value");
        }
        i += word.length();
    }

    private void space() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
            i++;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected " + c);
        }
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private char next() {
        if (i >= s.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return s.charAt(i++);
    }
}
