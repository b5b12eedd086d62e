package jp.kenpo.kiosk.core.account;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The password rules, checked one by one so the screen can show a live checklist: 6–20 characters
 * of half-width letters, digits and symbols; at least two of those kinds; and nothing trivially
 * guessable — no run like 123 or abc (either way), no character three times in a row, not the
 * email's local part, not the birthdate.
 */
public final class PasswordPolicy {

    public static final int MIN = 6;
    public static final int MAX = 20;

    /** One line of the checklist. */
    public enum Rule {
        LENGTH("password.rule.length"),
        CHARACTERS("password.rule.characters"),
        TWO_KINDS("password.rule.twoKinds"),
        NO_SEQUENCE("password.rule.noSequence"),
        NO_REPEAT("password.rule.noRepeat"),
        NOT_EMAIL("password.rule.notEmail"),
        NOT_BIRTHDATE("password.rule.notBirthdate");

        private final String messageKey;

        Rule(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private static final List<DateTimeFormatter> DATE_FORMS = List.of(
            DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("yyMMdd"),
            DateTimeFormatter.ofPattern("MMdd"));

    private PasswordPolicy() {
    }

    /** Every rule and whether the password meets it; {@code email} and {@code birthDate} may be null. */
    public static Map<Rule, Boolean> check(CharSequence password, Email email, LocalDate birthDate) {
        String p = password.toString();
        Map<Rule, Boolean> out = new EnumMap<>(Rule.class);
        out.put(Rule.LENGTH, p.length() >= MIN && p.length() <= MAX);
        out.put(Rule.CHARACTERS, !p.isEmpty() && p.chars().allMatch(c -> c > ' ' && c < 127));
        int kinds = (p.chars().anyMatch(Character::isLetter) ? 1 : 0)
                + (p.chars().anyMatch(c -> c >= '0' && c <= '9') ? 1 : 0)
                + (p.chars().anyMatch(c -> c > ' ' && c < 127 && !Character.isLetterOrDigit(c)) ? 1 : 0);
        out.put(Rule.TWO_KINDS, kinds >= 2);
        out.put(Rule.NO_SEQUENCE, !p.isEmpty() && !hasRun(p.toLowerCase(Locale.ROOT)));
        out.put(Rule.NO_REPEAT, !p.isEmpty() && !hasRepeat(p));
        boolean containsEmail = email != null && email.localPart().length() >= 3
                && p.toLowerCase(Locale.ROOT).contains(email.localPart().toLowerCase(Locale.ROOT));
        out.put(Rule.NOT_EMAIL, !p.isEmpty() && !containsEmail);
        boolean containsBirth = birthDate != null
                && DATE_FORMS.stream().anyMatch(f -> p.contains(birthDate.format(f)));
        out.put(Rule.NOT_BIRTHDATE, !p.isEmpty() && !containsBirth);
        return out;
    }

    public static boolean acceptable(CharSequence password, Email email, LocalDate birthDate) {
        return check(password, email, birthDate).values().stream().allMatch(Boolean::booleanValue);
    }

    /** Three characters in a row that step by +1 or −1 (123, cba). */
    private static boolean hasRun(String p) {
        for (int i = 2; i < p.length(); i++) {
            int a = p.charAt(i - 2);
            int b = p.charAt(i - 1);
            int c = p.charAt(i);
            if (Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b) && Character.isLetterOrDigit(c)
                    && ((b - a == 1 && c - b == 1) || (b - a == -1 && c - b == -1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRepeat(String p) {
        for (int i = 2; i < p.length(); i++) {
            if (p.charAt(i) == p.charAt(i - 1) && p.charAt(i) == p.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }
}
