package jp.kenpo.kiosk.core.resume;

import java.util.Optional;

/** How far a signup begun in the members' app got before the member came to the kiosk (docs/central-service.md §13). */
public enum ResumeStep {
    /** Account and email done in the app; the kiosk continues with medical-access authentication. */
    ACCOUNT_CREATED("account_created"),
    /** Membership also verified in the app. */
    IDENTITY_VERIFIED("identity_verified");

    private final String wire;

    ResumeStep(String wire) {
        this.wire = wire;
    }

    /** The name in the token's payload and in the claim's {@code stepReached}. */
    public String wire() {
        return wire;
    }

    public static Optional<ResumeStep> fromWire(String s) {
        for (ResumeStep step : values()) {
            if (step.wire.equals(s)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
