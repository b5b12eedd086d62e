package jp.kenpo.kiosk.core.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static jp.kenpo.kiosk.core.flow.Step.*;

/**
 * The order of the journey's steps and its skip rules (docs/journey.md §15), as plain Java.
 *
 * <p>The path is derived from the facts known so far; it stops at the first step whose
 * decision is still open, so {@link #next} of a deciding step needs that decision first.
 */
public final class Flow {

    /** The path from the welcome screen as far as the facts decide it. */
    public List<Step> path(JourneyFacts f) {
        List<Step> p = new ArrayList<>();
        p.add(WELCOME);
        switch (f.entry()) {
            case NEW -> {
                Collections.addAll(p, CONSENT, INSURER);
                if (f.pointsTerms()) {
                    p.add(POINTS_CONSENT);
                }
                Collections.addAll(p, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY, ACCOUNT, EMAIL_CODE);
                if (!addMedicalOffer(p, f)) {
                    return List.copyOf(p);
                }
            }
            case RESUMING -> {
                p.add(RESUME_SCAN);
                return List.copyOf(p); // the code decides where the member resumes
            }
            case RESUMED_ACCOUNT_CREATED -> {
                addResumed(p, f);
                if (!addMedicalOffer(p, f)) {
                    return List.copyOf(p);
                }
            }
            case RESUMED_IDENTITY_VERIFIED -> {
                addResumed(p, f);
                if (f.medicalOffered() == null) {
                    return List.copyOf(p);
                }
                if (f.medicalOffered()) {
                    if (!addMedicalPart(p, f)) {
                        return List.copyOf(p);
                    }
                }
            }
        }
        Collections.addAll(p, CONFIRM, DONE);
        return List.copyOf(p);
    }

    /**
     * The scan, the screen that says whose signup continues, and the membership check unless the
     * claimed draft brought the card and birthdate (offline, they are asked again).
     */
    private static void addResumed(List<Step> p, JourneyFacts f) {
        Collections.addAll(p, RESUME_SCAN, RESUMED);
        if (!f.membershipFromApp()) {
            Collections.addAll(p, CARD, BASIC_INFO, BASIC_CONFIRM, ELIGIBILITY);
        }
    }

    /** Adds the offer and, when taken, the medical part; false when the path ends undecided. */
    private boolean addMedicalOffer(List<Step> p, JourneyFacts f) {
        if (f.medicalOffered() == null) {
            return false;
        }
        if (!f.medicalOffered()) {
            return true;
        }
        p.add(MEDICAL_OFFER);
        if (f.medicalChosen() == null) {
            return false;
        }
        return !f.medicalChosen() || addMedicalPart(p, f);
    }

    private boolean addMedicalPart(List<Step> p, JourneyFacts f) {
        p.add(DOCUMENT_CHOICE);
        if (f.documentType() == null) {
            return false;
        }
        p.add(DOCUMENT_FRONT);
        if (f.documentType().asksAboutBack()) {
            p.add(DOCUMENT_BACK_QUESTION);
            if (f.backHasEntries() == null) {
                return false;
            }
            if (f.documentType().needsBack(f.backHasEntries())) {
                p.add(DOCUMENT_BACK);
            }
        }
        Collections.addAll(p, FACE_FRONT, FACE_ANGLE, SECRET_QUESTION);
        return true;
    }

    /** The step after {@code current}; empty after DONE. */
    public Optional<Step> next(Step current, JourneyFacts f) {
        if (current == DONE) {
            return Optional.empty();
        }
        List<Step> p = path(f);
        int i = p.indexOf(current);
        if (i < 0) {
            throw new IllegalStateException(current + " is not on the path " + p);
        }
        if (i + 1 >= p.size()) {
            throw new IllegalStateException(current + " has not decided what comes next");
        }
        return Optional.of(p.get(i + 1));
    }

    /** The step 戻る leads to, if going back is meaningful here. */
    public Optional<Step> previous(Step current, JourneyFacts f) {
        if (!canGoBack(current)) {
            return Optional.empty();
        }
        List<Step> p = path(f);
        int i = p.indexOf(current);
        if (i <= 1) {
            return Optional.empty();
        }
        Step prev = p.get(i - 1);
        // Going back over a passed check would mean doing it twice: eligibility and the
        // one-time code are results, not forms, so 戻る skips them.
        if (prev == ELIGIBILITY || prev == EMAIL_CODE) {
            return i >= 2 && p.get(i - 2) != WELCOME ? Optional.of(p.get(i - 2)) : Optional.empty();
        }
        return Optional.of(prev);
    }

    private static boolean canGoBack(Step s) {
        return switch (s) {
            case WELCOME, CONSENT, RESUME_SCAN, RESUMED, DONE -> false;
            default -> true;
        };
    }

    /**
     * The phases this session's indicator shows, in order: those of the entry point, with
     * authentication left out once the union or the member has declined it.
     */
    public List<Phase> phases(JourneyFacts f) {
        List<Phase> phases = new ArrayList<>();
        if (f.entry() == EntryPoint.NEW) {
            phases.add(Phase.AGREE);
        }
        if (f.entry() != EntryPoint.RESUMED_IDENTITY_VERIFIED || !f.membershipFromApp()) {
            phases.add(Phase.MEMBERSHIP);
        }
        if (f.entry() == EntryPoint.NEW) {
            phases.add(Phase.ACCOUNT);
        }
        if (!Boolean.FALSE.equals(f.medicalOffered()) && !Boolean.FALSE.equals(f.medicalChosen())) {
            phases.add(Phase.AUTHENTICATION);
        }
        phases.add(Phase.FINISH);
        return List.copyOf(phases);
    }
}
