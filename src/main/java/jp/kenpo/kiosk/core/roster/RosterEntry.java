package jp.kenpo.kiosk.core.roster;

import jp.kenpo.kiosk.core.member.MemberType;

/** One person on the roster, as keyed hashes only (a roster entry of docs/central-service.md §9). */
public record RosterEntry(String insurerNumber, String cardKey, String matchKey, MemberType memberType,
                          Status status) {

    public enum Status {
        ACTIVE("active"), ALREADY_VERIFIED("already_verified"), REMOVED("removed");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Status fromCode(String code) {
            for (Status s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown roster status " + code);
        }
    }
}
