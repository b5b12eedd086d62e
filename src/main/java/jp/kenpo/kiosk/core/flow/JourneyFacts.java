package jp.kenpo.kiosk.core.flow;

import jp.kenpo.kiosk.core.document.DocumentType;

/**
 * What the flow needs to know to choose the next step. A {@code null} answer means "not decided yet":
 * the path ends at the step that decides it.
 *
 * @param entry              where the session entered (new or resumed from the app)
 * @param pointsTerms        the member's union runs its own points and this kiosk has their terms:
 *                           they are agreed to right after the insurer number
 * @param medicalOffered     the member's union enables medical-access authentication; null before
 *                           the insurer number is known
 * @param medicalChosen      the member chose to continue to medical-access authentication
 * @param documentType       the identity document chosen
 * @param backHasEntries     the member's answer whether the document's back has entries
 * @param membershipFromApp  a resumed signup's draft, claimed from the central service, holds the card
 *                           and the birthdate: the kiosk does not ask for them again
 */
public record JourneyFacts(
        EntryPoint entry,
        Boolean medicalOffered,
        Boolean medicalChosen,
        DocumentType documentType,
        Boolean backHasEntries,
        boolean pointsTerms,
        boolean membershipFromApp) {

    public JourneyFacts {
        entry = entry == null ? EntryPoint.NEW : entry;
    }

    /** Facts of a session that did not take membership from the app. */
    public JourneyFacts(EntryPoint entry, Boolean medicalOffered, Boolean medicalChosen, DocumentType documentType,
                        Boolean backHasEntries, boolean pointsTerms) {
        this(entry, medicalOffered, medicalChosen, documentType, backHasEntries, pointsTerms, false);
    }

    /** Facts of a union without points terms. */
    public JourneyFacts(EntryPoint entry, Boolean medicalOffered, Boolean medicalChosen, DocumentType documentType,
                        Boolean backHasEntries) {
        this(entry, medicalOffered, medicalChosen, documentType, backHasEntries, false);
    }

    public static JourneyFacts fresh() {
        return new JourneyFacts(EntryPoint.NEW, null, null, null, null);
    }
}
