package jp.kenpo.kiosk.core.document;

import java.util.Optional;

/**
 * 本人確認書類 — the identity documents a member may photograph, and which sides each needs.
 */
public enum DocumentType {
    /** 運転免許証: front; back only when the remarks field (備考欄) has entries. */
    DRIVERS_LICENSE("drivers_license", BackRule.IF_ENTRIES),
    /** マイナンバーカード: front only. The back carries the Individual Number and is never captured. */
    MY_NUMBER_CARD("my_number_card", BackRule.NEVER),
    /** 運転経歴証明書: front; back as for the licence. */
    DRIVING_HISTORY_CERTIFICATE("driving_history_certificate", BackRule.IF_ENTRIES),
    /** 在留カード: front; back when it has entries (address changes, permits). */
    RESIDENCE_CARD("residence_card", BackRule.IF_ENTRIES);

    /** When the back of a document is asked for. */
    public enum BackRule { NEVER, IF_ENTRIES }

    private final String code;
    private final BackRule backRule;

    DocumentType(String code, BackRule backRule) {
        this.code = code;
        this.backRule = backRule;
    }

    /** The wire and configuration name, e.g. {@code drivers_license}. */
    public String code() {
        return code;
    }

    public BackRule backRule() {
        return backRule;
    }

    /** Whether the member is asked if the back has entries at all. */
    public boolean asksAboutBack() {
        return backRule == BackRule.IF_ENTRIES;
    }

    /** Whether the back is to be captured, given the member's answer about entries on it. */
    public boolean needsBack(boolean backHasEntries) {
        return backRule == BackRule.IF_ENTRIES && backHasEntries;
    }

    public static Optional<DocumentType> fromCode(String code) {
        for (DocumentType t : values()) {
            if (t.code.equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
