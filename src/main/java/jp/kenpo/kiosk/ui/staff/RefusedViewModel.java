package jp.kenpo.kiosk.ui.staff;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import jp.kenpo.kiosk.core.port.AuditLog;
import jp.kenpo.kiosk.core.port.CentralSync;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.core.session.DayCounts;
import jp.kenpo.kiosk.ui.common.Message;

/**
 * The refused registrations and the queue, for staff: what waits, what is being sent, what was sent
 * today and what needs staff — each refused registration with its receipt number, time, tries and
 * reason in plain words. 「再送する」 puts one back in the queue; 「削除する」, once confirmed, deletes
 * it for good. Both go into the audit log with the staff member who did it. No member data.
 */
public final class RefusedViewModel {

    /** One refused registration as staff read it. {@code detail} is for IT and may be null. */
    public record Row(String receiptNumber, String createdAt, int attempts, String reasonKey, String detail) {
    }

    /** The queue: waiting, being sent now, sent today, needing staff. */
    public record Counts(int waiting, int sending, int sentToday, int needsAttention) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final CentralSync queue;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<String> staffActor;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<List<Row>> rows = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Counts> counts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>();
    /** The receipt number whose deletion waits for staff's confirmation; null when none. */
    private final ReadOnlyStringWrapper confirming = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /**
     * @param staffActor who is acting, as the audit log names them (the unlocked staff member)
     */
    public RefusedViewModel(CentralSync queue, AuditLog audit, Clock clock, Supplier<String> staffActor,
                            Executor background, Executor ui) {
        this.queue = queue;
        this.audit = audit;
        this.clock = clock;
        this.staffActor = staffActor;
        this.background = background;
        this.ui = ui;
    }

    /** Reads the queue on the background executor; it arrives on the UI executor. */
    public void load() {
        CompletableFuture.supplyAsync(this::read, background).whenCompleteAsync((r, failure) -> {
            if (failure != null) {
                message.set(Message.of("staff.refused.readFailed"));
                return;
            }
            rows.set(r.rows());
            counts.set(r.counts());
        }, ui);
    }

    private record Read(List<Row> rows, Counts counts) {
    }

    private Read read() {
        RegistrationOutbox.Summary s = queue.summary();
        List<Row> list = s.attention().stream().map(a -> new Row(a.receiptNumber(),
                WHEN.format(a.createdAt().atZone(clock.getZone())), a.attempts(), StaffViewModel.reasonKey(a.reason()),
                a.detail())).toList();
        int sentToday = queue.sentSince(DayCounts.startOfDay(clock.instant(), clock.getZone()));
        return new Read(list, new Counts(s.waiting(), queue.sending(), sentToday, s.needsAttention()));
    }

    /** 「再送する」: the registration waits to be sent again. */
    public void resend(String receiptNumber) {
        act(receiptNumber, "registration-resend", () -> queue.resend(receiptNumber), "staff.refused.resent");
    }

    /** 「削除する」: asks for the confirmation first. */
    public void askErase(String receiptNumber) {
        if (!busy.get()) {
            message.set(null);
            confirming.set(receiptNumber);
        }
    }

    /** 「やめる」 in the confirmation: nothing is deleted. */
    public void cancelErase() {
        confirming.set(null);
    }

    /** 「削除する」 in the confirmation: the registration is deleted for good. */
    public void confirmErase() {
        String receipt = confirming.get();
        if (receipt == null) {
            return;
        }
        confirming.set(null);
        act(receipt, "registration-delete", () -> queue.erase(receipt), "staff.refused.deleted");
    }

    private void act(String receipt, String auditAction, Supplier<Boolean> action, String doneKey) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set(null);
        String actor = staffActor.get();
        CompletableFuture.supplyAsync(() -> {
            boolean done = action.get();
            if (done) {
                audit.record(actor, auditAction, receipt);
            }
            return done;
        }, background).whenCompleteAsync((done, failure) -> {
            busy.set(false);
            if (failure != null) {
                message.set(Message.of("staff.refused.failed", receipt));
            } else {
                message.set(Message.of(done ? doneKey : "staff.refused.gone", receipt));
            }
            load();
        }, ui);
    }

    public ReadOnlyObjectProperty<List<Row>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** Null until the queue was first read. */
    public ReadOnlyObjectProperty<Counts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty confirmingProperty() {
        return confirming.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
