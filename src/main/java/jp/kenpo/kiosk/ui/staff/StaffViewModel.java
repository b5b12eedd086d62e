package jp.kenpo.kiosk.ui.staff;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.port.AuditLog;
import jp.kenpo.kiosk.core.port.CentralSync;
import jp.kenpo.kiosk.core.port.DeliveryReason;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.ui.common.Message;

/**
 * What the staff screen shows now: this kiosk's id, what waits for the central service (with the
 * reason of each registration staff must look at) and the newest audit entries — all read off the
 * UI thread. No member data: registrations are named by their receipt numbers.
 */
public final class StaffViewModel {

    /**
     * One registration the central service refused (or could not take): receipt number, the message key
     * of its reason, and the short technical detail kept with it (for IT; may be null).
     */
    public record Attention(String receiptNumber, String reasonKey, String detail) {
    }

    /**
     * The queue as staff see it.
     *
     * @param lastContact    when the central service last answered, in the kiosk's time zone
     *                       ({@code 2026-12-01 11:32}), or null when it has not since start-up
     * @param rosterPulledAt when roster changes were last pulled, likewise, or null if never
     */
    public record Queue(int waiting, int needsAttention, List<Attention> attention, String lastContact,
                        String rosterPulledAt) {
    }

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final KioskConfig config;
    private final AuditLog audit;
    private final CentralSync queueSource;
    private final java.time.Clock clock;
    /** True while a delivery pass or a roster pull asked for by staff is under way. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper sending = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Message> rosterMessage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<String>> recent = new ReadOnlyObjectWrapper<>(List.of());
    /** Null until the queue was first read. */
    private final ReadOnlyObjectWrapper<Queue> queue = new ReadOnlyObjectWrapper<>();

    /** Who unlocked: every action is audited under this staff id. */
    private final String staffId;

    public StaffViewModel(KioskConfig config, AuditLog audit, CentralSync queue, java.time.Clock clock) {
        this(config, audit, queue, clock, jp.kenpo.kiosk.core.config.StaffMember.SHARED_ID);
    }

    public StaffViewModel(KioskConfig config, AuditLog audit, CentralSync queue, java.time.Clock clock, String staffId) {
        this.staffId = staffId;
        this.config = config;
        this.audit = audit;
        this.queueSource = queue;
        this.clock = clock;
    }

    public String kioskId() {
        return config.kiosk().id();
    }

    /** Reads the newest audit entries and the queue on {@code background}; they arrive on {@code ui}. */
    public void load(int limit, Executor background, Executor ui) {
        CompletableFuture.supplyAsync(() -> audit.recent(limit).stream()
                        .map(e -> e.at() + "  " + e.actor() + "  " + e.action() + (e.detail() == null ? "" : "  " + e.detail()))
                        .toList(), background)
                .thenAcceptAsync(recent::set, ui);
        loadQueue(background, ui);
    }

    private void loadQueue(Executor background, Executor ui) {
        CompletableFuture.supplyAsync(() -> queue(queueSource.summary(), when(queueSource.lastContact()),
                        when(queueSource.rosterPulledAt())), background)
                .thenAcceptAsync(queue::set, ui);
    }

    /** 「今すぐ送信する」: one delivery pass now; the queue is read again when it is over. */
    public void sendNow(Executor background, Executor ui) {
        staffAction("send-now", queueSource::sendNow, (done, failure) -> { }, background, ui);
    }

    /**
     * One thing staff asked for, recorded in the audit log, one at a time: {@code action} starts it,
     * {@code then} gets its outcome on {@code ui}, and the queue is read again.
     */
    private <T> void staffAction(String auditAction, java.util.function.Supplier<CompletableFuture<T>> action,
                                 java.util.function.BiConsumer<T, Throwable> then, Executor background, Executor ui) {
        if (sending.get()) {
            return;
        }
        sending.set(true);
        CompletableFuture.runAsync(() -> audit.record(staffId, auditAction, null), background);
        CompletableFuture<T> started;
        try {
            started = action.get();
        } catch (RuntimeException closing) {
            started = CompletableFuture.failedFuture(closing); // the kiosk is closing
        }
        started.whenCompleteAsync((result, failure) -> {
            sending.set(false);
            then.accept(result, failure);
            loadQueue(background, ui);
        }, ui);
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    private String when(java.util.Optional<java.time.Instant> t) {
        return t.map(i -> WHEN.format(i.atZone(clock.getZone()))).orElse(null);
    }

    static Queue queue(RegistrationOutbox.Summary s, String lastContact, String rosterPulledAt) {
        List<Attention> list = s.attention().stream()
                .map(a -> new Attention(a.receiptNumber(), reasonKey(a.reason()), a.detail())).toList();
        return new Queue(s.waiting(), s.needsAttention(), list, lastContact, rosterPulledAt);
    }

    /** 「名簿を更新する」: pulls roster changes now; the outcome in {@link #rosterMessageProperty()}. */
    public void pullRoster(Executor background, Executor ui) {
        staffAction("roster-pull", queueSource::pullRosterNow, (changes, failure) -> rosterMessage.set(
                failure == null ? new Message("staff.roster.pulled", changes) : new Message("staff.roster.failed")),
                background, ui);
    }

    public ReadOnlyObjectProperty<Message> rosterMessageProperty() {
        return rosterMessage.getReadOnlyProperty();
    }

    /** The message key that tells staff, in plain words, why a registration waits for them. */
    static String reasonKey(DeliveryReason reason) {
        return switch (reason == null ? DeliveryReason.OTHER : reason) {
            case CREDENTIAL_REFUSED -> "staff.queue.reason.credential";
            case TOO_LARGE -> "staff.queue.reason.tooLarge";
            case ALREADY_REGISTERED -> "staff.queue.reason.alreadyRegistered";
            case CARD_ALREADY_LINKED -> "staff.queue.reason.cardAlreadyLinked";
            case EMAIL_IN_USE -> "staff.queue.reason.emailInUse";
            case IDEMPOTENCY_MISMATCH -> "staff.queue.reason.idempotencyMismatch";
            case NOT_ELIGIBLE -> "staff.queue.reason.notEligible";
            case INVALID -> "staff.queue.reason.invalid";
            case UNAVAILABLE, NOT_ACCEPTED, NETWORK, ANSWER_UNREAD, OTHER -> "staff.queue.reason.other";
        };
    }

    public ReadOnlyObjectProperty<List<String>> recentProperty() {
        return recent.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Queue> queueProperty() {
        return queue.getReadOnlyProperty();
    }
}
