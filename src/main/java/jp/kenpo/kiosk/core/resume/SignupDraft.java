package jp.kenpo.kiosk.core.resume;

import java.time.LocalDate;

/**
 * What the members' app kept of a signup, as the claim returns it (docs/central-service.md §11).
 * Any part but the resume id and the step may be missing (null).
 */
public record SignupDraft(
        String resumeId,
        ResumeStep step,
        String email,
        boolean emailVerified,
        String insurerNumber,
        String cardSymbol,
        String cardNumber,
        String cardBranch,
        String kanaName,
        LocalDate birthDate,
        String memberType) {

    /** Whether the app took the card and the birthdate: the kiosk need not ask for them again. */
    public boolean membershipDone() {
        return cardSymbol != null && cardNumber != null && kanaName != null && birthDate != null
                && jp.kenpo.kiosk.core.member.MemberType.fromCode(String.valueOf(memberType)) != null;
    }

    /**
     * The name as the member may see it on a public screen: the family name's first character and
     * {@code ***}, the given name whole (「ケ*** タロウ」); empty when the draft has no name.
     */
    public String maskedName() {
        if (kanaName == null || kanaName.isBlank()) {
            return "";
        }
        String[] parts = kanaName.strip().split("[ 　]+", 2);
        String family = parts[0].substring(0, parts[0].offsetByCodePoints(0, 1)) + "***";
        return parts.length == 2 ? family + " " + parts[1] : family;
    }

    /** The address with most of its local part hidden: {@code ke***@example.jp}; empty without one. */
    public String maskedEmail() {
        if (email == null) {
            return "";
        }
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        String local = email.substring(0, at);
        int keep = Math.min(2, local.length() - 1);
        return local.substring(0, Math.max(keep, 1)) + "***" + email.substring(at);
    }
}
