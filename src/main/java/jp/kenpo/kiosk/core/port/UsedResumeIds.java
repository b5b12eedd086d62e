package jp.kenpo.kiosk.core.port;

/** The resume ids this kiosk has already submitted a registration for (its consumed-tokens table). */
public interface UsedResumeIds {

    boolean used(String resumeId);

    /** Nothing used yet (a kiosk without a store, tests). */
    UsedResumeIds NONE = rid -> false;
}
