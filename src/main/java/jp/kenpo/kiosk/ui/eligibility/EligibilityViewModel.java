package jp.kenpo.kiosk.ui.eligibility;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import jp.kenpo.kiosk.core.member.InsuranceCard;
import jp.kenpo.kiosk.core.member.KanaName;
import jp.kenpo.kiosk.core.roster.Eligibility;
import jp.kenpo.kiosk.core.roster.Eligibility.Outcome;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * 5. 資格確認: asks the roster off the JavaFX thread and shows the outcome. Only an eligible
 * member goes on; the others get the guidance of the member manuals and their way out.
 */
public final class EligibilityViewModel implements StepViewModel {

    /** {@code null} outcome while checking; {@code failed} when the roster could not be read. */
    public record State(Outcome outcome, boolean failed) {
        static final State CHECKING = new State(null, false);
    }

    private final Eligibility eligibility;
    private final KioskSession session;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.CHECKING);
    private final BooleanBinding canAdvance;
    /** Set once the roster refused (or could not check) this member twice in the session. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper needsStaff = new javafx.beans.property.ReadOnlyBooleanWrapper();

    public EligibilityViewModel(Eligibility eligibility, KioskSession session, Executor background, Executor ui) {
        this.eligibility = eligibility;
        this.session = session;
        this.background = background;
        this.ui = ui;
        this.canAdvance = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> state.get().outcome() == Outcome.ELIGIBLE, state);
    }

    /** Starts the check; the answer arrives on the UI executor. */
    public void check() {
        state.set(State.CHECKING);
        InsuranceCard card = new InsuranceCard(session.cardSymbol(), session.cardNumber(), session.cardBranch());
        KanaName name = KanaName.parse(session.kanaName()).value();
        var insurer = session.insurerNumber();
        var birth = session.birthDate();
        CompletableFuture.supplyAsync(() -> eligibility.check(insurer, card, name, birth), background)
                .whenCompleteAsync((outcome, error) -> {
                    State answer = error != null ? new State(null, true) : new State(outcome, false);
                    if (answer.outcome() != Outcome.ELIGIBLE && !session.isWiped() && session.rosterRefused() >= 2) {
                        needsStaff.set(true);
                    }
                    state.set(answer);
                }, ui);
    }

    @Override
    public javafx.beans.value.ObservableBooleanValue needsStaff() {
        return needsStaff.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Only an eligible member goes on. */
    @Override
    public BooleanBinding canAdvance() {
        return canAdvance;
    }

    @Override
    public void commit(Runnable proceed) {
        if (canAdvance.get()) {
            proceed.run();
        }
    }
}
