package jp.kenpo.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.core.port.DeliveryReason;
import jp.kenpo.kiosk.core.port.RegistrationOutbox.Pending;
import jp.kenpo.kiosk.core.port.RegistrationOutbox.Summary;

/** The outbox's bookkeeping in a real SQLite file: due order, backoff, attention, delivery. */
class SqliteOutboxTest {

    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    @TempDir
    Path dir;

    SqliteOutbox outbox;

    @BeforeEach
    void open() throws Exception {
        outbox = new SqliteOutbox(Database.open(dir));
    }

    private String queue(String id, Instant at) {
        return outbox.enqueue(id, "K07", at, ("sealed-" + id).getBytes());
    }

    private java.util.List<String> dueIds(Instant at) {
        return outbox.due(at, 100).stream().map(Pending::registrationId).toList();
    }

    @Test
    void aResumedRegistrationSpendsItsResumeIdInTheSameTransaction() throws Exception {
        Database db = Database.open(dir);
        SqliteUsedResumeIds used = new SqliteUsedResumeIds(db);
        assertThat(used.used("rid-1")).isFalse();
        outbox.enqueue("r1", "K07", T0, "sealed-r1".getBytes(), "rid-1");
        assertThat(used.used("rid-1")).isTrue();
        assertThat(dueIds(T0)).containsExactly("r1");
        // The same code once more (two sessions that both scanned it): refused whole, nothing queued.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> outbox.enqueue("r2", "K07", T0, "sealed-r2".getBytes(), "rid-1"))
                .isInstanceOf(UncheckedStoreException.class);
        assertThat(dueIds(T0)).containsExactly("r1");
        assertThat(outbox.enqueue("r3", "K07", T0, "sealed-r3".getBytes())).isEqualTo("K07-0002");
    }

    @Test
    void dueOldestFirstAtOnceAfterQueueing() {
        queue("a", T0);
        queue("b", T0.plusMillis(1));
        queue("c", T0.plusSeconds(5));
        assertThat(dueIds(T0.plusSeconds(5))).containsExactly("a", "b", "c");
        assertThat(dueIds(T0)).containsExactly("a");
        assertThat(outbox.due(T0.plusSeconds(5), 2)).extracting(Pending::receiptNumber).containsExactly("K07-0001", "K07-0002");
    }

    @Test
    void aRetryWaitsUntilItsTimeAndCountsTheAttempt() {
        queue("a", T0);
        queue("b", T0);
        outbox.retryLater("a", T0.plus(Duration.ofMillis(1500)), DeliveryReason.UNAVAILABLE, "503");
        assertThat(dueIds(T0.plusSeconds(1))).containsExactly("b");
        // 1.5 s vs 10 s: the stored times compare correctly as text whatever their fraction.
        assertThat(dueIds(T0.plusSeconds(10))).containsExactly("a", "b");
        assertThat(outbox.pending("a")).get().extracting(Pending::attempts).isEqualTo(1);
        assertThat(outbox.nextDue()).contains(T0);
    }

    @Test
    void refusedWaitsForStaffAndCredentialProblemsAreRetriedSlowly() {
        queue("refused", T0);
        queue("credential", T0);
        queue("fine", T0);
        outbox.needsAttention("refused", DeliveryReason.ALREADY_REGISTERED, "409 already_registered", null);
        outbox.needsAttention("credential", DeliveryReason.CREDENTIAL_REFUSED, "401 device credential refused",
                T0.plus(Duration.ofMinutes(15)));
        assertThat(dueIds(T0.plusSeconds(1))).containsExactly("fine");
        assertThat(dueIds(T0.plus(Duration.ofDays(400)))).containsExactly("credential", "fine");

        Summary s = outbox.summary();
        assertThat(s.waiting()).isEqualTo(1);
        assertThat(s.needsAttention()).isEqualTo(2);
        assertThat(s.oldestWaiting()).isEqualTo(T0);
        assertThat(s.attention()).extracting(a -> a.receiptNumber() + " " + a.reason() + " " + a.detail())
                .containsExactly("K07-0001 ALREADY_REGISTERED 409 already_registered",
                        "K07-0002 CREDENTIAL_REFUSED 401 device credential refused");
    }

    @Test
    void deliveredIsGoneWithItsSealedContent() {
        queue("a", T0);
        queue("b", T0);
        assertThat(outbox.sealed("a")).get().isEqualTo("sealed-a".getBytes());
        outbox.delivered("a");
        assertThat(outbox.sealed("a")).isEmpty();
        assertThat(outbox.pending("a")).isEmpty();
        assertThat(outbox.waiting()).isEqualTo(1);
        outbox.delivered("a"); // a second acknowledgement (another process) is harmless
        assertThat(outbox.summary().total()).isEqualTo(1);
    }

    @Test
    void anEmptyOutboxSummary() {
        Summary s = outbox.summary();
        assertThat(s.total()).isZero();
        assertThat(s.oldestWaiting()).isNull();
        assertThat(outbox.nextDue()).isEmpty();
    }

    /**
     * A full disk (SQLite's page limit standing in for it, the same SQLITE_FULL) is reported as such,
     * not hidden behind the failing rollback; nothing is half-queued and no receipt number is used up.
     */
    @Test
    void aFullDiskIsReportedAsAFullDiskAndQueuesNothing() throws Exception {
        org.sqlite.SQLiteConfig small = Database.settings();
        small.setMaxPageCount(40);
        SqliteOutbox full = new SqliteOutbox(Database.open(dir.resolve("small"), small));
        assertThat(full.enqueue("a", "K07", T0, new byte[100])).isEqualTo("K07-0001");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> full.enqueue("b", "K07", T0, new byte[1 << 20]))
                .isInstanceOf(UncheckedStoreException.class)
                .hasMessageContaining("queueing a registration failed: the disk is full");

        assertThat(full.waiting()).isEqualTo(1);
        assertThat(full.enqueue("c", "K07", T0, new byte[100])).isEqualTo("K07-0002");
    }

    @Test
    void staffSendARefusedRegistrationAgainAndItIsDueAtOnceWithItsTriesCountedAnew() {
        queue("a", T0);
        queue("b", T0);
        outbox.needsAttention("a", DeliveryReason.NOT_ELIGIBLE, "422 not_eligible", null);
        assertThat(dueIds(T0.plusSeconds(60))).containsExactly("b");

        assertThat(outbox.resend("K07-0001", T0.plusSeconds(60))).isTrue();
        assertThat(dueIds(T0.plusSeconds(60))).containsExactly("a", "b");
        assertThat(outbox.pending("a")).get().extracting(Pending::attempts).isEqualTo(0);
        assertThat(outbox.summary().needsAttention()).isZero();
        assertThat(outbox.resend("K07-0001", T0)).as("it no longer needs staff").isFalse();
        assertThat(outbox.resend("K07-0002", T0)).as("a waiting registration is not touched").isFalse();
    }

    @Test
    void staffDeleteARefusedRegistrationAndItsSealedBytesLeaveTheFile() throws Exception {
        Database db = Database.open(dir);
        SqliteOutbox box = new SqliteOutbox(db);
        byte[] marker = "SEALED-MARKER-0123456789-".repeat(200).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        box.enqueue("a", "K07", T0, marker);
        box.enqueue("b", "K07", T0, new byte[] {1, 2, 3});
        assertThat(box.erase("K07-0001")).as("only a registration that needs staff can be deleted").isFalse();
        box.needsAttention("a", DeliveryReason.ALREADY_REGISTERED, "409 already_registered", null);
        checkpoint(db);
        assertThat(contains(dir, "SEALED-MARKER-0123456789-")).as("the marker is in the file before").isTrue();

        assertThat(box.erase("K07-0001")).isTrue();
        checkpoint(db);
        assertThat(box.pending("a")).isEmpty();
        assertThat(box.pending("b")).isPresent();
        assertThat(box.erase("K07-0001")).isFalse();
        assertThat(contains(dir, "SEALED-MARKER-0123456789-")).as("overwritten, not just unlinked").isFalse();
    }

    @Test
    void deliveriesAreCountedByDayThoughTheRowIsGone() {
        queue("a", T0);
        queue("b", T0);
        outbox.delivered("a", T0.plusSeconds(10));
        outbox.delivered("a", T0.plusSeconds(11)); // gone already: not counted twice
        outbox.delivered("b", T0.plus(Duration.ofDays(1)));
        assertThat(outbox.sentSince(T0)).isEqualTo(2);
        assertThat(outbox.sentSince(T0.plusSeconds(11))).isEqualTo(1);
        assertThat(outbox.waiting()).isZero();
    }

    private static void checkpoint(Database db) throws Exception {
        try (var c = db.connect(); var s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static boolean contains(Path dir, String marker) throws Exception {
        byte[] m = marker.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                byte[] all = java.nio.file.Files.readAllBytes(f);
                outer:
                for (int i = 0; i + m.length <= all.length; i++) {
                    for (int j = 0; j < m.length; j++) {
                        if (all[i + j] != m[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }
}
