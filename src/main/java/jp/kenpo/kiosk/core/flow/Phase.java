package jp.kenpo.kiosk.core.flow;

/** The parts of the journey the step indicator shows. */
public enum Phase {
    AGREE("phase.agree"),
    MEMBERSHIP("phase.membership"),
    ACCOUNT("phase.account"),
    AUTHENTICATION("phase.authentication"),
    FINISH("phase.finish");

    private final String messageKey;

    Phase(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
