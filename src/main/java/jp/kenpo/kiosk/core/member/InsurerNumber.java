package jp.kenpo.kiosk.core.member;

import java.util.Objects;

/**
 * 保険者番号 — the insurer number printed on the insurance card: 6 or 8 digits, the last being a
 * check digit (weights 2,1,2,1… from the digit left of the check digit; the digits of each
 * product are summed; check = (10 − sum mod 10) mod 10).
 */
public final class InsurerNumber {

    private final String digits;

    private InsurerNumber(String digits) {
        this.digits = digits;
    }

    /** The outcome of parsing what a member typed. */
    public record Result(InsurerNumber value, String messageKey) {
        public boolean ok() {
            return value != null;
        }
    }

    public static final String EMPTY = "insurer.error.empty";
    public static final String NOT_DIGITS = "insurer.error.notDigits";
    public static final String WRONG_LENGTH = "insurer.error.length";
    public static final String CHECK_DIGIT = "insurer.error.checkDigit";

    /** Parses typed input: full-width digits are accepted, spaces are ignored. */
    public static Result parse(String input) {
        if (input == null) {
            return new Result(null, EMPTY);
        }
        StringBuilder sb = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '０' && c <= '９') {
                sb.append((char) ('0' + (c - '０')));
            } else if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (Character.isWhitespace(c) || c == '\u3000') {
                continue;
            } else {
                return new Result(null, NOT_DIGITS);
            }
        }
        String d = sb.toString();
        if (d.isEmpty()) {
            return new Result(null, EMPTY);
        }
        if (d.length() != 6 && d.length() != 8) {
            return new Result(null, WRONG_LENGTH);
        }
        if (checkDigit(d.substring(0, d.length() - 1)) != d.charAt(d.length() - 1) - '0') {
            return new Result(null, CHECK_DIGIT);
        }
        return new Result(new InsurerNumber(d), null);
    }

    /** The check digit for the digits before it. */
    static int checkDigit(String body) {
        int sum = 0;
        int weight = 2;
        for (int i = body.length() - 1; i >= 0; i--) {
            int p = (body.charAt(i) - '0') * weight;
            sum += p / 10 + p % 10;
            weight = weight == 2 ? 1 : 2;
        }
        return (10 - sum % 10) % 10;
    }

    public String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InsurerNumber other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return digits;
    }
}
