package jp.kenpo.kiosk.core.flow;

import jp.kenpo.kiosk.core.document.DocumentType;

/**
 * What the flow needs to know to choose the next step. A {@code null} answer means "not decided yet":
 * the path ends at the step that decides it.
 *
 * @param entry              where the session entered (new or resumed from the app)
 * @param medicalOffered     the member's union enables medical-access authentication; null before
 *                           the insurer number is known
 * @param medicalChosen      the member chose to continue to medical-access authentication
 * @param documentType       the identity document chosen
 * @param backHasEntries     the member's answer whether the document's back has entries
 */
public record JourneyFacts(
        EntryPoint entry,
        Boolean medicalOffered,
        Boolean medicalChosen,
        DocumentType documentType,
        Boolean backHasEntries) {

    public JourneyFacts {
        entry = entry == null ? EntryPoint.NEW : entry;
    }

    public static JourneyFacts fresh() {
        return new JourneyFacts(EntryPoint.NEW, null, null, null, null);
    }
}
