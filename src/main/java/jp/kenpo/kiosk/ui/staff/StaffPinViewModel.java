package jp.kenpo.kiosk.ui.staff;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import jp.kenpo.kiosk.core.session.StaffGate;
import jp.kenpo.kiosk.ui.common.Message;

/**
 * The staff PIN pad. The slow hash runs on the background executor; the answer comes back on the
 * UI executor: unlocked, wrong (with attempts left) or locked (with minutes left).
 */
public final class StaffPinViewModel {

    private final StaffGate gate;
    private final Executor background;
    private final Executor ui;
    private final StringProperty pin = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSubmit;
    /** Who unlocked, once someone has. */
    private jp.kenpo.kiosk.core.config.StaffMember unlockedBy;

    public StaffPinViewModel(StaffGate gate, Executor background, Executor ui) {
        this.gate = gate;
        this.background = background;
        this.ui = ui;
        this.canSubmit = pin.length().greaterThanOrEqualTo(4).and(checking.not());
    }

    public StringProperty pinProperty() {
        return pin;
    }

    /** The message, with attempts or minutes left as its argument. */
    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public BooleanBinding canSubmit() {
        return canSubmit;
    }

    /** The member of staff whose PIN unlocked; {@code null} before. */
    public jp.kenpo.kiosk.core.config.StaffMember unlockedBy() {
        return unlockedBy;
    }

    /** Checks the PIN; {@code onUnlocked} runs on the UI executor when it is right. */
    public void submit(Runnable onUnlocked) {
        if (!canSubmit.get()) {
            return;
        }
        char[] typed = pin.get().toCharArray();
        pin.set("");
        checking.set(true);
        message.set(null);
        CompletableFuture.supplyAsync(() -> {
            try {
                return gate.attempt(typed);
            } finally {
                java.util.Arrays.fill(typed, '\0');
            }
        }, background).whenCompleteAsync((result, error) -> {
            checking.set(false);
            if (error != null) {
                message.set(Message.of("staff.pin.error"));
                return;
            }
            switch (result.outcome()) {
                case UNLOCKED -> {
                    unlockedBy = result.staff();
                    onUnlocked.run();
                }
                case WRONG -> {
                    message.set(Message.of("staff.pin.wrong", result.attemptsLeft()));
                }
                case LOCKED -> {
                    message.set(Message.of("staff.pin.locked",
                            Math.max(1, (result.lockedFor().toSeconds() + 59) / 60)));
                }
            }
        }, ui);
    }
}
