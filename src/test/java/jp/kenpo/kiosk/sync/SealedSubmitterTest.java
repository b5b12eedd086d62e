package jp.kenpo.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.kenpo.kiosk.core.port.RegistrationSubmitter.Receipt;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.RegistrationOutcome;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.Registrations;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.testing.Unsealer;

/** Sealing a finished registration into the real SQLite outbox, and opening it as the central service does. */
class SealedSubmitterTest {

    @TempDir
    Path dir;

    private static KioskSession finished(String name, String email) {
        return Registrations.finished(name, email);
    }

    private SealedSubmitter submitter(Database db) throws Exception {
        Sealer sealer = new Sealer(CentralKey.read(Path.of("kiosk-config/demo-central/central-public.pem")), "demo-2026",
                new SecureRandom());
        return new SealedSubmitter("K07", sealer, new SqliteOutbox(db),
                new MutableClock(Instant.parse("2026-11-22T01:00:00Z")), new SeededRandom(9));
    }

    @Test
    void queuedSealedWithReceiptNumbersAndOpenedOnlyWithTheCentralKey() throws Exception {
        Database db = Database.open(dir);
        SealedSubmitter submitter = submitter(db);
        Receipt first = submitter.submit(finished("ケンコウ　タロウ", "kenkou.taro@example.jp").snapshot());
        Receipt second = submitter.submit(finished("ミホン　ハナコ", "mihon.hanako@example.jp").snapshot());
        assertThat(first.number()).isEqualTo("K07-0001");
        assertThat(second.number()).isEqualTo("K07-0002");
        assertThat(first.complete()).as("not delivered yet").isFalse();
        assertThat(new SqliteOutbox(db).waiting()).isEqualTo(2);

        List<byte[]> envelopes = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT registration_id, receipt_number, state, size_bytes, sealed FROM outbox ORDER BY receipt_number")) {
            while (rs.next()) {
                assertThat(rs.getString("state")).isEqualTo("waiting");
                assertThat(rs.getInt("size_bytes")).isEqualTo(rs.getBytes("sealed").length);
                envelopes.add(rs.getBytes("sealed"));
            }
        }
        JsonNode envelope = new ObjectMapper().readTree(envelopes.get(0));
        assertThat(envelope.get("kioskId").asText()).isEqualTo("K07");
        assertThat(envelope.get("sealed").get("alg").asText()).isEqualTo("RSA-OAEP-256/A256GCM");
        assertThat(envelope.get("sealed").get("keyId").asText()).isEqualTo("demo-2026");

        JsonNode r = Unsealer.open(envelopes.get(0));
        assertThat(r.get("registrationId").asText()).isEqualTo(envelope.get("registrationId").asText());
        assertThat(r.get("member").get("kanaName").asText()).isEqualTo("ケンコウ　タロウ");
        assertThat(r.get("member").get("birthDate").asText()).isEqualTo("1956-04-01");
        assertThat(r.get("member").get("memberType").asText()).isEqualTo("insured");
        assertThat(r.get("account").get("password").asText()).isEqualTo("Midori7!s");
        assertThat(r.get("account").get("consents")).hasSize(2);
        JsonNode medical = r.get("medicalAccess");
        assertThat(medical.get("document").get("type").asText()).isEqualTo("my_number_card");
        assertThat(medical.get("document").get("images")).hasSize(1);
        assertThat(new String(Base64.getDecoder().decode(medical.get("document").get("images").get(0).get("data").asText()),
                StandardCharsets.UTF_8)).isEqualTo("card-front-jpeg");
        assertThat(medical.get("faces")).hasSize(2);
        assertThat(medical.get("livenessPassed").asBoolean()).isTrue();
        assertThat(medical.get("secretQuestion").get("answerHash").asText()).startsWith("$pbkdf2-sha256$");

        // The registration id is the associated data: an envelope moved to another id does not open.
        ObjectNode moved = (ObjectNode) new ObjectMapper().readTree(envelopes.get(0));
        moved.put("registrationId", envelope.get("registrationId").asText().replace('a', 'b').replace('1', '2'));
        assertThatThrownBy(() -> Unsealer.open(new ObjectMapper().writeValueAsBytes(moved)))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void anInPersonCheckByStaffTakesTheLivenessChecksPlaceAndNamesWhoDidIt() throws Exception {
        Database db = Database.open(dir);
        SealedSubmitter submitter = submitter(db);
        KioskSession checked = finished("ケンコウ　タロウ", "kenkou.taro@example.jp");
        checked.livenessPassed(false);
        checked.staffCheckedInPerson("tanaka");
        KioskSession neither = finished("ミホン　ハナコ", "mihon.hanako@example.jp");
        neither.livenessPassed(false);
        submitter.submit(checked.snapshot());
        submitter.submit(neither.snapshot());

        List<JsonNode> opened = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT sealed FROM outbox ORDER BY receipt_number")) {
            while (rs.next()) {
                opened.add(Unsealer.open(rs.getBytes("sealed")));
            }
        }
        JsonNode medical = opened.get(0).get("medicalAccess");
        assertThat(medical.get("livenessPassed").asBoolean(true)).isFalse();
        assertThat(medical.get("staffCheckedInPerson").asBoolean()).isTrue();
        assertThat(medical.get("staffId").asText()).isEqualTo("tanaka");
        assertThat(medical.get("document").get("images")).hasSize(1);
        // Neither the liveness check nor staff: no medical access is asked for.
        assertThat(opened.get(1).has("medicalAccess")).isFalse();
        assertThat(opened.get(1).get("account").get("email").asText()).isEqualTo("mihon.hanako@example.jp");
    }

    @Test
    void theDatabaseFileHoldsNoNameEmailOrBirthdateInClear() throws Exception {
        Database db = Database.open(dir);
        SealedSubmitter submitter = submitter(db);
        submitter.submit(finished("ケンコウ　タロウ", "kenkou.taro@example.jp").snapshot());
        submitter.submit(finished("ミホン　ハナコ", "mihon.hanako@example.jp").snapshot());
        byte[] all = new byte[0];
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(Database.FILE_NAME)).toList()) {
                byte[] b = Files.readAllBytes(f);
                byte[] joined = new byte[all.length + b.length];
                System.arraycopy(all, 0, joined, 0, all.length);
                System.arraycopy(b, 0, joined, all.length, b.length);
                all = joined;
            }
        }
        String latin = new String(all, StandardCharsets.ISO_8859_1);
        assertThat(latin).as("the scan reads the data").contains("K07-0001");
        for (String secret : List.of("ケンコウ", "ミホン", "kenkou.taro", "mihon.hanako", "1956-04-01", "Midori7!s",
                "card-front-jpeg", "スキナイロ")) {
            assertThat(latin).as(secret).doesNotContain(new String(secret.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * What the member is told follows the central service's answer to the immediate delivery:
     * registered → 「完了しました」; refused (409) → ask staff, no mail; no answer → waits to be sent.
     */
    @Test
    void theReceiptCarriesWhatTheCentralServiceAnswered() throws Exception {
        Database db = Database.open(dir.resolve("kiosk"));
        SqliteOutbox outbox = new SqliteOutbox(db);
        Sealer sealer = new Sealer(CentralKey.read(Path.of("kiosk-config/demo-central/central-public.pem")), "demo-2026",
                new SecureRandom());
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
        try (jp.kenpo.kiosk.central.CentralServer server = jp.kenpo.kiosk.central.CentralServer.start(
                jp.kenpo.kiosk.central.CentralServer.Options.of(dir.resolve("central"), Unsealer.demoKey(), "demo-2026")
                        .withDeviceTokens(java.util.Set.of("t")))) {
            CentralClient client = new CentralClient(server.url(), "t", null, java.time.Duration.ofSeconds(10));
            SealedSubmitter submitter = new SealedSubmitter("K07", sealer, outbox, clock, new SeededRandom(9),
                    id -> java.util.Optional.of(client.deliver(id, outbox.sealed(id).orElseThrow())));

            Receipt registered = submitter.submit(finished("ケンコウ　タロウ", "kenkou.taro@example.jp").snapshot());
            assertThat(registered.outcome()).isEqualTo(RegistrationOutcome.COMPLETE);
            assertThat(registered.complete()).isTrue();

            // Another person with the same address: the central service refuses it for good (409 email_in_use).
            Receipt refused = submitter.submit(finished("ミホン　ハナコ", "kenkou.taro@example.jp").snapshot());
            assertThat(refused.outcome()).isEqualTo(RegistrationOutcome.REFUSED);
            assertThat(refused.number()).isEqualTo("K07-0002");
        }

        // The central service is gone: the registration waits in the outbox, and the member is told so.
        CentralClient nobody = new CentralClient("http://127.0.0.1:" + freePort(), "t", null, java.time.Duration.ofSeconds(2));
        SealedSubmitter offline = new SealedSubmitter("K07", sealer, outbox, clock, new SeededRandom(10),
                id -> java.util.Optional.of(nobody.deliver(id, outbox.sealed(id).orElseThrow())));
        Receipt waiting = offline.submit(finished("タメシ　ジロウ", "tameshi.jiro@example.jp").snapshot());
        assertThat(waiting.outcome()).isEqualTo(RegistrationOutcome.QUEUED);
        SealedSubmitter noAnswerInTime = new SealedSubmitter("K07", sealer, outbox, clock, new SeededRandom(11),
                id -> java.util.Optional.empty());
        assertThat(noAnswerInTime.submit(finished("ヨコク　サクラ", "yokoku.sakura@example.jp").snapshot()).outcome())
                .isEqualTo(RegistrationOutcome.QUEUED);
    }

    /** Answers the reference server does not give this kiosk: review, a revoked credential, a retry. */
    @Test
    void reviewIsPromisedAMailAndACredentialProblemWaitsToBeSent() {
        assertThat(SealedSubmitter.outcome(new CentralClient.Delivery(CentralClient.Outcome.ACCEPTED, 201,
                "pending_review", "C-1", null, null, null))).isEqualTo(RegistrationOutcome.PENDING_REVIEW);
        assertThat(SealedSubmitter.outcome(new CentralClient.Delivery(CentralClient.Outcome.REJECTED, 422,
                null, null, jp.kenpo.kiosk.core.port.DeliveryReason.INVALID, "422 invalid", null))).isEqualTo(RegistrationOutcome.REFUSED);
        assertThat(SealedSubmitter.outcome(new CentralClient.Delivery(CentralClient.Outcome.UNAUTHORIZED, 401,
                null, null, jp.kenpo.kiosk.core.port.DeliveryReason.CREDENTIAL_REFUSED, "401", null))).isEqualTo(RegistrationOutcome.QUEUED);
        assertThat(SealedSubmitter.outcome(new CentralClient.Delivery(CentralClient.Outcome.RETRY, 503,
                null, null, jp.kenpo.kiosk.core.port.DeliveryReason.UNAVAILABLE, "503", null))).isEqualTo(RegistrationOutcome.QUEUED);
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
