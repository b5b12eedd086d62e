package jp.kenpo.kiosk.core.member;

/** 本人 (insured person) or 家族・被扶養者 (dependent); voluntary continuation as in the contract. */
public enum MemberType {
    INSURED("insured"),
    DEPENDENT("dependent"),
    VOLUNTARY_CONTINUATION("voluntary_continuation");

    private final String code;

    MemberType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The type for a contract code, or null when the code names none. */
    public static MemberType fromCode(String code) {
        for (MemberType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        return null;
    }
}
