package jp.kenpo.kiosk.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sqlite.SQLiteDataSource;

import jp.kenpo.kiosk.core.port.DeliveryReason;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteOutbox;

/** Staff read why a registration waits for them in plain words, keyed by the reason the outbox keeps. */
class StaffViewModelTest {

    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ALREADY_REGISTERED   | staff.queue.reason.alreadyRegistered",
            "CARD_ALREADY_LINKED  | staff.queue.reason.cardAlreadyLinked",
            "EMAIL_IN_USE         | staff.queue.reason.emailInUse",
            "IDEMPOTENCY_MISMATCH | staff.queue.reason.idempotencyMismatch",
            "NOT_ELIGIBLE         | staff.queue.reason.notEligible",
            "INVALID              | staff.queue.reason.invalid",
            "TOO_LARGE            | staff.queue.reason.tooLarge",
            "CREDENTIAL_REFUSED   | staff.queue.reason.credential",
            "UNAVAILABLE          | staff.queue.reason.other",
            "NETWORK              | staff.queue.reason.other",
            "OTHER                | staff.queue.reason.other",
    })
    void aRefusedRowReadBackFromTheOutboxShowsItsReason(DeliveryReason reason, String key) throws Exception {
        SqliteOutbox outbox = new SqliteOutbox(Database.open(dir));
        outbox.enqueue("r1", "K07", T0, new byte[] {1});
        outbox.needsAttention("r1", reason, "some detail", null);

        StaffViewModel.Queue q = StaffViewModel.queue(new SqliteOutbox(Database.open(dir)).summary(), null, null);

        assertThat(q.attention()).singleElement().satisfies(a -> {
            assertThat(a.receiptNumber()).isEqualTo("K07-0001");
            assertThat(a.reasonKey()).isEqualTo(key);
            assertThat(a.detail()).isEqualTo("some detail");
        });
    }

    /** Rows refused before the reason was kept as a code hold only the text: the upgrade reads it once. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "409 already_registered         | staff.queue.reason.alreadyRegistered",
            "409 card_already_linked        | staff.queue.reason.cardAlreadyLinked",
            "409 email_in_use               | staff.queue.reason.emailInUse",
            "422 idempotency_mismatch       | staff.queue.reason.idempotencyMismatch",
            "422 not_eligible               | staff.queue.reason.notEligible",
            "422 invalid                    | staff.queue.reason.invalid",
            "422                            | staff.queue.reason.invalid",
            "409 something_new              | staff.queue.reason.invalid",
            "409, answer cut short          | staff.queue.reason.other",
            "413                            | staff.queue.reason.tooLarge",
            "413 too_large                  | staff.queue.reason.tooLarge",
            "401 device credential refused  | staff.queue.reason.credential",
            "403 device credential refused  | staff.queue.reason.credential",
            "503                            | staff.queue.reason.other",
            "network: ConnectException      | staff.queue.reason.other",
    })
    void aRowRefusedBeforeTheUpgradeStillShowsASensibleReason(String stored, String key) throws Exception {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME).toAbsolutePath());
        org.flywaydb.core.Flyway.configure(Database.class.getClassLoader()).dataSource(ds)
                .locations("classpath:db/migration").target("3").load().migrate();
        try (Connection c = ds.getConnection(); PreparedStatement in = c.prepareStatement(
                "INSERT INTO outbox (registration_id, receipt_number, created_at, state, attempts, last_error, "
                        + "size_bytes, sealed) VALUES ('old', 'K07-0001', '2026-11-22T01:00:00.000Z', "
                        + "'needs_attention', 1, ?, 1, x'01')")) {
            in.setString(1, stored);
            in.executeUpdate();
        }

        StaffViewModel.Queue q = StaffViewModel.queue(new SqliteOutbox(Database.open(dir)).summary(), null, null);

        assertThat(q.attention()).singleElement().satisfies(a -> {
            assertThat(a.reasonKey()).isEqualTo(key);
            assertThat(a.detail()).as("the text is still shown as the detail").isEqualTo(stored);
        });
    }

    @Test
    void aRowWithNoReasonShowsTheGeneralOne() {
        assertThat(StaffViewModel.reasonKey(null)).isEqualTo("staff.queue.reason.other");
    }
}
