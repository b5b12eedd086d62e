package jp.kenpo.kiosk.ui.staff;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.kenpo.kiosk.core.config.StaffMember;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.session.KioskSession;

/**
 * The staff panel over a member's session (docs/journey.md §19): which step the member is on, the
 * document beside the face photos from the document step on, and what staff may do there. Nothing
 * here ends the session: each action says where the member goes next and the shell shows it.
 */
public final class StaffPanelViewModel {

    /** Where the member goes when the panel closes. */
    public enum Where {
        /** Back to the screen the member was on, as they left it. */
        MEMBER,
        /** On past the step the member was on, as with its 次へ (the in-person check replaced it). */
        ONWARD,
        /** To {@link After#step()} (a capture to take again, the confirmation without medical access). */
        STEP
    }

    /**
     * What a choice on the panel did: where the member goes, and the audit action to record with the
     * staff id ({@code null} for 「戻る」, which changed nothing).
     */
    public record After(Where where, Step step, String action) {

        /** 「戻る」: back to the member, nothing changed. */
        public static final After BACK = new After(Where.MEMBER, null, null);
    }

    /** The steps of the document and the faces, where 「撮り直す」 applies. */
    private static final Set<Step> DOCUMENT = EnumSet.of(Step.DOCUMENT_FRONT, Step.DOCUMENT_BACK_QUESTION,
            Step.DOCUMENT_BACK);
    private static final Set<Step> FACES = EnumSet.of(Step.FACE_FRONT, Step.FACE_ANGLE, Step.SECRET_QUESTION,
            Step.CONFIRM);
    /** From here on the medical part can be ended and the account kept. */
    private static final Set<Step> MEDICAL = EnumSet.of(Step.MEDICAL_OFFER, Step.DOCUMENT_CHOICE,
            Step.DOCUMENT_FRONT, Step.DOCUMENT_BACK_QUESTION, Step.DOCUMENT_BACK, Step.FACE_FRONT, Step.FACE_ANGLE,
            Step.SECRET_QUESTION, Step.CONFIRM);

    private final KioskSession session;
    private final Step step;
    private final StaffMember staff;
    private final boolean livenessFallback;

    /**
     * @param livenessFallback the member is at the second angle and did not follow its third
     *                         instruction: the in-person check takes the liveness check's place
     */
    public StaffPanelViewModel(KioskSession session, Step step, StaffMember staff, boolean livenessFallback) {
        this.session = session;
        this.step = step;
        this.staff = staff;
        this.livenessFallback = livenessFallback && step == Step.FACE_ANGLE;
    }

    public String staffId() {
        return staff.id();
    }

    /** How the panel greets staff: their name, else their id. */
    public String staffName() {
        return staff.name() == null || staff.name().isBlank() ? staff.id() : staff.name();
    }

    public Step step() {
        return step;
    }

    /** The message key naming the member's step (no default: a new step needs its name here). */
    public String stepKey() {
        return switch (step) {
            case WELCOME -> "staff.panel.step.welcome";
            case CONSENT -> "staff.panel.step.consent";
            case RESUME_SCAN -> "staff.panel.step.resumeScan";
            case RESUMED -> "staff.panel.step.resumed";
            case INSURER -> "staff.panel.step.insurer";
            case POINTS_CONSENT -> "staff.panel.step.pointsConsent";
            case CARD -> "staff.panel.step.card";
            case BASIC_INFO -> "staff.panel.step.basicInfo";
            case BASIC_CONFIRM -> "staff.panel.step.basicConfirm";
            case ELIGIBILITY -> "staff.panel.step.eligibility";
            case ACCOUNT -> "staff.panel.step.account";
            case EMAIL_CODE -> "staff.panel.step.emailCode";
            case MEDICAL_OFFER -> "staff.panel.step.medicalOffer";
            case DOCUMENT_CHOICE -> "staff.panel.step.documentChoice";
            case DOCUMENT_FRONT -> "staff.panel.step.documentFront";
            case DOCUMENT_BACK_QUESTION -> "staff.panel.step.documentBackQuestion";
            case DOCUMENT_BACK -> "staff.panel.step.documentBack";
            case FACE_FRONT -> "staff.panel.step.faceFront";
            case FACE_ANGLE -> "staff.panel.step.faceAngle";
            case SECRET_QUESTION -> "staff.panel.step.secretQuestion";
            case CONFIRM -> "staff.panel.step.confirm";
            case DONE -> "staff.panel.step.done";
        };
    }

    public boolean livenessFallback() {
        return livenessFallback;
    }

    /** Whether the pictures are shown: from the document step on, once there is one. */
    public boolean showsPictures() {
        return (DOCUMENT.contains(step) || FACES.contains(step)) && !(documentImages().isEmpty()
                && faceImages().isEmpty());
    }

    /** The document's sides as JPEG, front first (the session's own arrays: for drawing only). */
    public List<byte[]> documentImages() {
        return new ArrayList<>(new java.util.TreeMap<>(session.documentImages()).values());
    }

    /** The face photos as JPEG, in the order taken. */
    public List<byte[]> faceImages() {
        return new ArrayList<>(session.faceImages().values());
    }

    /** Whether staff may record 「本人と確認しました」: the document and a face are there to compare. */
    public boolean canConfirm() {
        return !session.documentImages().isEmpty() && !session.faceImages().isEmpty()
                && (FACES.contains(step)) && !session.staffCheckedInPerson();
    }

    /** Whether the member has an in-person check recorded already. */
    public boolean confirmed() {
        return session.staffCheckedInPerson();
    }

    public boolean canRetake() {
        return DOCUMENT.contains(step) || FACES.contains(step);
    }

    public boolean canStopMedical() {
        return MEDICAL.contains(step) && !Boolean.FALSE.equals(session.facts().medicalChosen());
    }

    /** 「本人と確認しました」: recorded with the staff id; at the failed second angle the member goes on. */
    public After confirm() {
        if (!canConfirm()) {
            return After.BACK;
        }
        session.staffCheckedInPerson(staff.id());
        return new After(livenessFallback ? Where.ONWARD : Where.MEMBER, null,
                livenessFallback ? "in-person-check-liveness" : "in-person-check");
    }

    /** 「撮り直す」: the document, or the face photos, are taken again. */
    public After retake() {
        if (DOCUMENT.contains(step)) {
            session.retakeDocument();
            return new After(Where.STEP, Step.DOCUMENT_FRONT, "staff-retake");
        }
        if (FACES.contains(step)) {
            session.retakeFaces();
            return new After(Where.STEP, Step.FACE_FRONT, "staff-retake");
        }
        return After.BACK;
    }

    /** 「認証をやめる」: medical access ends for this session; the account part goes on to the confirmation. */
    public After stopMedical() {
        if (!canStopMedical()) {
            return After.BACK;
        }
        session.endMedical();
        return new After(Where.STEP, Step.CONFIRM, "medical-stopped");
    }
}
