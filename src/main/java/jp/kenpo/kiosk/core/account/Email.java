package jp.kenpo.kiosk.core.account;

import java.util.Locale;
import java.util.regex.Pattern;

import jp.kenpo.kiosk.core.text.Widths;

/** A member's email address: ASCII, one {@code @}, a domain with a dot; full-width input folded. */
public record Email(String value) {

    public static final String EMPTY = "email.error.empty";
    public static final String INVALID = "email.error.invalid";
    public static final String MISMATCH = "email.error.mismatch";

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{4,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    public record Result(Email value, String messageKey) {
        public boolean ok() {
            return value != null;
        }
    }

    public static Result parse(String input) {
        String s = fold(input);
        if (s.isEmpty()) {
            return new Result(null, EMPTY);
        }
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
            return new Result(null, INVALID);
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")
                || !DOMAIN.matcher(domain).matches()) {
            return new Result(null, INVALID);
        }
        return new Result(new Email(local + "@" + domain.toLowerCase(Locale.ROOT)), null);
    }

    /** Both entries name the same address (the second is typed again, not pasted). */
    public static Result parseConfirmed(String first, String second) {
        Result r = parse(first);
        if (!r.ok()) {
            return r;
        }
        Result again = parse(second);
        if (!again.ok() || !again.value().equals(r.value())) {
            return new Result(null, MISMATCH);
        }
        return r;
    }

    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    /** For screens: {@code ta***@example.jp}. */
    public String masked() {
        String local = localPart();
        String shown = local.length() <= 2 ? local.substring(0, 1) : local.substring(0, 2);
        return shown + "***" + value.substring(value.indexOf('@'));
    }

    private static String fold(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Widths.isSpace(c)) {
                continue;
            }
            sb.append(c == '＠' ? '@' : Widths.halfWidth(c));
        }
        return sb.toString();
    }
}
