package jp.kenpo.kiosk.core.config;

import java.util.List;

import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.member.CardPattern;

/**
 * A health-insurance union (健康保険組合) served at this kiosk.
 *
 * @param insurerNumber  its 保険者番号
 * @param name           its name as shown to members
 * @param cardPattern    how its cards show 記号・番号 (①–④)
 * @param normalization  how typed symbols and numbers are normalized before matching
 * @param documents      identity documents accepted (default: all four)
 * @param medicalAccess  whether health / medical access authentication is offered
 * @param pointsName     the name of the union's own points programme, if it runs one
 */
public record UnionConfig(
        String insurerNumber,
        LocalizedText name,
        CardPattern cardPattern,
        CardNormalization normalization,
        List<DocumentType> documents,
        Boolean medicalAccess,
        LocalizedText pointsName) {

    public UnionConfig {
        normalization = normalization == null ? new CardNormalization(null, null, null, null, null) : normalization;
        documents = documents == null ? List.of(DocumentType.values()) : List.copyOf(documents);
        medicalAccess = medicalAccess == null || medicalAccess;
    }
}
