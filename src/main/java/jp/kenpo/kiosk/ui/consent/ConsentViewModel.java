package jp.kenpo.kiosk.ui.consent;

import java.util.List;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import jp.kenpo.kiosk.ui.shell.StepViewModel;
import jp.kenpo.kiosk.core.config.ConsentText;
import jp.kenpo.kiosk.core.session.KioskSession;

/**
 * 1. Consent: the terms, the privacy policy and (if configured) the points terms. The agree box is
 * enabled only once the member has scrolled to the end of the text.
 */
public final class ConsentViewModel implements StepViewModel {

    /** How close to the end (share of the scroll range) counts as "read to the end". */
    static final double END_TOLERANCE = 0.995;

    private final List<ConsentText> documents;
    private final KioskSession session;
    private final ReadOnlyBooleanWrapper readToEnd = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty agreed = new SimpleBooleanProperty(false);
    private final BooleanBinding canAdvance;

    public ConsentViewModel(List<ConsentText> documents, KioskSession session) {
        this.documents = List.copyOf(documents);
        this.session = session;
        this.canAdvance = readToEnd.getReadOnlyProperty().and(agreed);
        // Agreeing before reading is not possible; unticking stays possible.
        agreed.addListener((obs, was, now) -> {
            if (now && !readToEnd.get()) {
                agreed.set(false);
            }
        });
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
    public boolean commit() {
        if (!canAdvance.get()) {
            return false;
        }
        session.consented(documents.stream().map(ConsentText::reference).toList());
        return true;
    }
}
