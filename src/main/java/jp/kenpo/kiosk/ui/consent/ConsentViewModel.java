package jp.kenpo.kiosk.ui.consent;

import java.util.List;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import jp.kenpo.kiosk.ui.step.StepViewModel;
import jp.kenpo.kiosk.core.config.ConsentText;
import jp.kenpo.kiosk.core.session.KioskSession;

/**
 * 1. Consent: the terms and the privacy policy — and, once the insurer number shows the member's
 * union runs its own points, the points terms on a second consent screen. The agree box is enabled
 * only once the member has scrolled to the end of the text.
 */
public final class ConsentViewModel implements StepViewModel {

    /** How close to the end (share of the scroll range) counts as "read to the end". */
    static final double END_TOLERANCE = 0.995;

    private final List<ConsentText> documents;
    private final KioskSession session;
    private final boolean points;
    private final ReadOnlyBooleanWrapper readToEnd = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty agreed = new SimpleBooleanProperty(false);
    private final BooleanBinding canAdvance;

    public ConsentViewModel(List<ConsentText> documents, KioskSession session) {
        this(documents, session, false);
    }

    /** @param points these are the union's points terms (recorded beside the general consents) */
    public ConsentViewModel(List<ConsentText> documents, KioskSession session, boolean points) {
        this.documents = List.copyOf(documents);
        this.session = session;
        this.points = points;
        this.canAdvance = readToEnd.getReadOnlyProperty().and(agreed);
        // Agreeing before reading is not possible; unticking stays possible.
        agreed.addListener((obs, was, now) -> {
            if (now && !readToEnd.get()) {
                agreed.set(false);
            }
        });
    }

    /** Whether these are the union's points terms (their own title on the screen). */
    public boolean points() {
        return points;
    }

    public List<ConsentText> documents() {
        return documents;
    }

    /** The view reports the scroll position as a share of the range (0 top, 1 end). */
    public void scrolledTo(double position) {
        if (position >= END_TOLERANCE) {
            readToEnd.set(true);
        }
    }

    /** The text fits on the screen without scrolling: it is all in view. */
    public void fitsWithoutScrolling() {
        readToEnd.set(true);
    }

    public ReadOnlyBooleanProperty readToEndProperty() {
        return readToEnd.getReadOnlyProperty();
    }

    public BooleanProperty agreedProperty() {
        return agreed;
    }

    @Override
    public BooleanBinding canAdvance() {
        return canAdvance;
    }

    /** Records the consents as {@code id@version}. */
    @Override
    public void commit(Runnable proceed) {
        if (take()) {
            proceed.run();
        }
    }

    /** Takes the entries into the session; false keeps the member here, with a message. */
    private boolean take() {
        if (!canAdvance.get()) {
            return false;
        }
        List<String> given = documents.stream().map(ConsentText::reference).toList();
        if (points) {
            session.consentedToPoints(given);
        } else {
            session.consented(given);
        }
        return true;
    }
}
