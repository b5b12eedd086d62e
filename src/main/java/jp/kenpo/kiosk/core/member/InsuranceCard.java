package jp.kenpo.kiosk.core.member;

import jp.kenpo.kiosk.core.config.CardNormalization;
import jp.kenpo.kiosk.core.text.Widths;

/**
 * 記号・番号（・枝番） of an insurance card, normalized by the union's rules so that they match its
 * roster: full-width → half-width; a hyphen in the symbol keeps only what follows it where the union
 * says so; a number of 8 or more digits is matched by its last 7 digits where the union says so;
 * zero-padding to the union's widths; the branch (枝番) as two digits.
 *
 * @param symbol the normalized symbol, empty for number-only cards
 * @param number the normalized number
 * @param branch the two-digit branch, or empty
 */
public record InsuranceCard(String symbol, String number, String branch) {

    /** What the member typed, field by field; the pattern says which fields the form shows. */
    public record Input(String symbol, String symbolFront, String symbolBack, String number, String branch) {
    }

    /** The field a message is about, so the screen can point at it. */
    public enum Field { SYMBOL, SYMBOL_FRONT, SYMBOL_BACK, NUMBER, BRANCH }

    /** The card, or the message key and the field that is wrong. */
    public record Result(InsuranceCard card, String messageKey, Field field) {
        public boolean ok() {
            return card != null;
        }

        static Result error(String key, Field field) {
            return new Result(null, key, field);
        }
    }

    public static final String SYMBOL_EMPTY = "card.error.symbolEmpty";
    public static final String SYMBOL_CHARS = "card.error.symbolChars";
    public static final String SYMBOL_TOO_LONG = "card.error.symbolTooLong";
    public static final String NUMBER_EMPTY = "card.error.numberEmpty";
    public static final String NUMBER_CHARS = "card.error.numberChars";
    public static final String NUMBER_TOO_LONG = "card.error.numberTooLong";
    public static final String BRANCH_CHARS = "card.error.branchChars";

    static final int MAX_SYMBOL = 10;
    static final int MAX_NUMBER = 12;

    public static Result parse(CardPattern pattern, CardNormalization rules, Input in) {
        String symbol;
        switch (pattern) {
            case NUMBER_WITH_HYPHEN, NUMBER_ONLY -> symbol = "";
            case SYMBOL_SPLIT_AND_NUMBER -> {
                String front = Widths.foldAscii(in.symbolFront());
                String back = Widths.foldAscii(in.symbolBack());
                if (back.isEmpty()) {
                    return Result.error(SYMBOL_EMPTY, Field.SYMBOL_BACK);
                }
                if (front.isEmpty() && !rules.symbolAfterHyphen()) {
                    return Result.error(SYMBOL_EMPTY, Field.SYMBOL_FRONT);
                }
                if (!alnum(front)) {
                    return Result.error(SYMBOL_CHARS, Field.SYMBOL_FRONT);
                }
                if (!alnum(back)) {
                    return Result.error(SYMBOL_CHARS, Field.SYMBOL_BACK);
                }
                symbol = rules.symbolAfterHyphen() ? back : front + back;
            }
            case SYMBOL_AND_NUMBER -> {
                String s = Widths.foldAscii(in.symbol());
                if (s.isEmpty()) {
                    return Result.error(SYMBOL_EMPTY, Field.SYMBOL);
                }
                int dash = s.lastIndexOf('-');
                if (dash >= 0 && rules.symbolAfterHyphen()) {
                    s = s.substring(dash + 1);
                } else {
                    s = s.replace("-", "");
                }
                if (s.isEmpty()) {
                    return Result.error(SYMBOL_EMPTY, Field.SYMBOL);
                }
                if (!alnum(s)) {
                    return Result.error(SYMBOL_CHARS, Field.SYMBOL);
                }
                symbol = s;
            }
            default -> throw new IllegalArgumentException(pattern.name());
        }
        if (symbol.length() > MAX_SYMBOL || (rules.symbolPad() > 0 && symbol.length() > rules.symbolPad())) {
            return Result.error(SYMBOL_TOO_LONG, pattern == CardPattern.SYMBOL_SPLIT_AND_NUMBER
                    ? Field.SYMBOL_BACK : Field.SYMBOL);
        }
        if (!symbol.isEmpty()) {
            symbol = pad(symbol, rules.symbolPad());
        }

        // Pattern ① prints the number with a hyphen; in every pattern the roster keys it without.
        String number = Widths.foldAscii(in.number()).replace("-", "");
        if (number.isEmpty()) {
            return Result.error(NUMBER_EMPTY, Field.NUMBER);
        }
        if (!digits(number)) {
            return Result.error(NUMBER_CHARS, Field.NUMBER);
        }
        if (number.length() > MAX_NUMBER) {
            return Result.error(NUMBER_TOO_LONG, Field.NUMBER);
        }
        if (rules.numberLast7() && number.length() >= 8) {
            number = number.substring(number.length() - 7);
        }
        if (rules.numberPad() > 0 && number.length() > rules.numberPad()) {
            return Result.error(NUMBER_TOO_LONG, Field.NUMBER);
        }
        number = pad(number, rules.numberPad());

        String branch = "";
        if (rules.branch()) {
            String b = Widths.foldAscii(in.branch());
            if (!b.isEmpty()) {
                if (!digits(b) || b.length() > 2) {
                    return Result.error(BRANCH_CHARS, Field.BRANCH);
                }
                branch = pad(b, 2);
            }
        }
        return new Result(new InsuranceCard(symbol, number, branch), null, null);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static boolean digits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean alnum(String s) {
        return s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'));
    }
}
