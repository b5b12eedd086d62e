package jp.kenpo.kiosk.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.roster.RosterEntry;
import jp.kenpo.kiosk.sync.CentralKey;
import jp.kenpo.kiosk.sync.Sealer;
import jp.kenpo.kiosk.testing.Unsealer;

/** The reference central server over real HTTP, with envelopes sealed by the kiosk's own Sealer. */
class CentralServerTest {

    static final String TOKEN = "kiosk-a-token";
    static final String OTHER_TOKEN = "kiosk-b-token";
    static final String KEY_ID = "demo-2026";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CentralServer server;
    Sealer sealer;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        sealer = new Sealer(CentralKey.read(Path.of("kiosk-config/demo-central/central-public.pem")), KEY_ID,
                new SecureRandom());
        server = CentralServer.start(options());
    }

    CentralServer.Options options() throws Exception {
        return CentralServer.Options.of(dir.resolve("central"), Unsealer.demoKey(), KEY_ID)
                .withDeviceTokens(Set.of(TOKEN, OTHER_TOKEN))
                .withRandom(new Random(42));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A synthetic member's Registration, as the kiosk's SealedSubmitter builds it. */
    static Map<String, Object> registration(String id, String kana, String birth, String email) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("registrationId", id);
        r.put("kioskId", "kiosk-test-01");
        r.put("createdAt", "2026-12-01T10:15:30Z");
        r.put("insurerNumber", "01130012");
        r.put("card", Map.of("symbol", "91", "number", "200001", "branch", "01"));
        r.put("member", Map.of("kanaName", kana, "birthDate", birth, "memberType", "insured"));
        r.put("account", new LinkedHashMap<>(Map.of("email", email, "password", "Midori7!s", "emailVerified", true,
                "consents", List.of("terms@2024-05"))));
        return r;
    }

    static Map<String, Object> registration(String id) {
        return registration(id, "ケンコウ　タロウ", "1956-04-01", "taro." + id.substring(0, 8) + "@example.jp");
    }

    byte[] envelope(Map<String, Object> registration) throws Exception {
        String id = (String) registration.get("registrationId");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("registrationId", id);
        e.put("kioskId", registration.get("kioskId"));
        e.put("createdAt", registration.get("createdAt"));
        e.put("sealed", sealer.seal(id, JSON.writeValueAsBytes(registration)));
        return JSON.writeValueAsBytes(e);
    }

    HttpResponse<String> post(String path, String token, String key, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String id, byte[] body) throws Exception {
        return post("/v1/registrations", TOKEN, id, body);
    }

    HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode body(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    // --- registrations -------------------------------------------------------------------------

    @Test
    void registersOnceThenReplaysTheFirstAnswerAs200() throws Exception {
        String id = newId();
        byte[] env = envelope(registration(id));
        HttpResponse<String> first = send(id, env);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode accepted = body(first);
        assertThat(accepted.get("registrationId").asText()).isEqualTo(id);
        assertThat(accepted.get("status").asText()).isEqualTo("complete");
        assertThat(accepted.get("receiptNumber").asText()).isNotBlank();

        HttpResponse<String> replay = send(id, env);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(server.registeredCount()).isEqualTo(1);
        assertThat(server.registrationIds()).containsExactly(id);

        assertThat(server.plaintext(id)).as("no opened registration is kept (see CentralClearDataTest)").isNull();
        try (var files = java.nio.file.Files.list(dir.resolve("central"))) {
            for (java.nio.file.Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                assertThat(new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.getFileName().toString()).doesNotContain("Midori7!s");
            }
        }
    }

    @Test
    void theAnswersSurviveARestart() throws Exception {
        String id = newId();
        byte[] env = envelope(registration(id));
        HttpResponse<String> first = send(id, env);
        server.close();
        server = CentralServer.start(options());
        HttpResponse<String> replay = send(id, env);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(server.registeredCount()).isEqualTo(1);
    }

    @Test
    void medicalAccessWithoutLivenessIsPendingReview() throws Exception {
        String id = newId();
        Map<String, Object> r = registration(id);
        r.put("medicalAccess", Map.of("livenessPassed", false, "staffCheckedInPerson", true));
        HttpResponse<String> a = send(id, envelope(r));
        assertThat(a.statusCode()).isEqualTo(201);
        assertThat(body(a).get("status").asText()).isEqualTo("pending_review");

        String id2 = newId();
        Map<String, Object> r2 = registration(id2, "ミホン　ハナコ", "1990-02-03", "hanako@example.jp");
        r2.put("medicalAccess", Map.of("livenessPassed", true));
        HttpResponse<String> b = send(id2, envelope(r2));
        assertThat(body(b).get("status").asText()).isEqualTo("complete");
    }

    @Test
    void theSameKeyWithAnotherBodyIsAnIdempotencyMismatch() throws Exception {
        String id = newId();
        Map<String, Object> r = registration(id);
        assertThat(send(id, envelope(r)).statusCode()).isEqualTo(201);
        // Sealed again: the same registration, other bytes (fresh key and iv).
        HttpResponse<String> other = send(id, envelope(r));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(body(other).get("error").asText()).isEqualTo("idempotency_mismatch");
        assertThat(server.registeredCount()).isEqualTo(1);
    }

    @Test
    void theKeyMustBeAUuidEqualToTheRegistrationId() throws Exception {
        String id = newId();
        byte[] env = envelope(registration(id));
        HttpResponse<String> otherKey = send(newId(), env);
        assertThat(otherKey.statusCode()).isEqualTo(422);
        assertThat(body(otherKey).get("error").asText()).isEqualTo("invalid");
        HttpResponse<String> notUuid = send("not-a-uuid", env);
        assertThat(notUuid.statusCode()).isEqualTo(422);
        HttpResponse<String> none = send(null, env);
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(server.registeredCount()).isZero();
        // Those answers were not stored against the id: the proper request still registers.
        assertThat(send(id, env).statusCode()).isEqualTo(201);
    }

    @Test
    void aMissingOrWrongDeviceTokenIs401() throws Exception {
        String id = newId();
        byte[] env = envelope(registration(id));
        assertThat(post("/v1/registrations", null, id, env).statusCode()).isEqualTo(401);
        assertThat(post("/v1/registrations", "wrong-token", id, env).statusCode()).isEqualTo(401);
        assertThat(get("/v1/roster", "wrong-token").statusCode()).isEqualTo(401);
        assertThat(post("/v1/heartbeat", null, null, "{}".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(401);
        assertThat(server.registeredCount()).isZero();
        assertThat(send(id, env).statusCode()).isEqualTo(201);
    }

    @Test
    void anUndecryptableEnvelopeIs422AndStaysSo() throws Exception {
        String id = newId();
        ObjectMapper m = JSON;
        var env = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(envelope(registration(id)));
        var sealed = (com.fasterxml.jackson.databind.node.ObjectNode) env.get("sealed");
        String ct = sealed.get("ciphertext").asText();
        sealed.put("ciphertext", (ct.charAt(0) == 'A' ? "B" : "A") + ct.substring(1));
        byte[] tampered = m.writeValueAsBytes(env);
        HttpResponse<String> a = send(id, tampered);
        assertThat(a.statusCode()).isEqualTo(422);
        assertThat(body(a).get("error").asText()).isEqualTo("invalid");
        HttpResponse<String> again = send(id, tampered);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).isEqualTo(a.body());

        String id2 = newId();
        var env2 = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(envelope(registration(id2)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) env2.get("sealed")).put("keyId", "retired-2019");
        HttpResponse<String> unknownKey = send(id2, m.writeValueAsBytes(env2));
        assertThat(unknownKey.statusCode()).isEqualTo(422);
        assertThat(body(unknownKey).get("message").asText()).contains("keyId");
        assertThat(server.registeredCount()).isZero();
    }

    @Test
    void missingRequiredFieldsAre422WithTheirNames() throws Exception {
        String id = newId();
        Map<String, Object> r = registration(id);
        r.remove("insurerNumber");
        r.put("member", Map.of("kanaName", "ケンコウ　タロウ", "birthDate", "1956-13-01", "memberType", "insured"));
        HttpResponse<String> a = send(id, envelope(r));
        assertThat(a.statusCode()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        body(a).get("fields").forEach(f -> fields.add(f.asText()));
        assertThat(fields).containsExactlyInAnyOrder("insurerNumber", "member.birthDate");
        assertThat(server.registeredCount()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyARegistrationResumedFromTheAppMayComeWithoutAPassword() throws Exception {
        String plain = newId();
        Map<String, Object> r = registration(plain);
        ((Map<String, Object>) r.get("account")).remove("password");
        HttpResponse<String> refused = send(plain, envelope(r));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        body(refused).get("fields").forEach(f -> fields.add(f.asText()));
        assertThat(fields).containsExactly("account.password");

        // Resumed online: the app's account, its address from the draft, no password of its own.
        String online = newId();
        Map<String, Object> r2 = registration(online, "ミホン　ハナコ", "1990-02-03", "hanako@example.jp");
        r2.put("resumeId", "AAECAwQFBgcICQoLDA0ODw");
        ((Map<String, Object>) r2.get("account")).remove("password");
        HttpResponse<String> a = send(online, envelope(r2));
        assertThat(a.statusCode()).as(a.body()).isEqualTo(201);

        // Resumed offline: neither address nor password.
        String offline = newId();
        Map<String, Object> r3 = registration(offline, "ミホン　ジロウ", "1992-05-06", "unused@example.jp");
        r3.put("resumeId", "EBESExQVFhcYGRobHB0eHw");
        r3.put("account", new LinkedHashMap<>(Map.of("emailVerified", false)));
        HttpResponse<String> b = send(offline, envelope(r3));
        assertThat(b.statusCode()).as(b.body()).isEqualTo(201);
        assertThat(server.registrationIds()).containsExactlyInAnyOrder(online, offline);
    }

    @Test
    void theSamePersonOrEmailUnderAnotherIdIsAConflict() throws Exception {
        String first = newId();
        assertThat(send(first, envelope(registration(first, "ケンコウ　タロウ", "1956-04-01", "taro@example.jp")))
                .statusCode()).isEqualTo(201);

        String samePerson = newId();
        byte[] env = envelope(registration(samePerson, "ケンコウ　タロウ", "1956-04-01", "other@example.jp"));
        HttpResponse<String> a = send(samePerson, env);
        assertThat(a.statusCode()).isEqualTo(409);
        assertThat(body(a).get("error").asText()).isEqualTo("already_registered");
        // A permanent answer is replayed as it was.
        HttpResponse<String> again = send(samePerson, env);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).isEqualTo(a.body());

        String sameEmail = newId();
        HttpResponse<String> b = send(sameEmail, envelope(registration(sameEmail, "ケンコウ　ハナコ", "1958-09-15",
                "Taro@Example.jp")));
        assertThat(b.statusCode()).isEqualTo(409);
        assertThat(body(b).get("error").asText()).isEqualTo("email_in_use");
        assertThat(server.registrationIds()).containsExactly(first);
    }

    @Test
    void aMarkedRegistrationIsRejectedAndReplayedAsRejected() throws Exception {
        String id = newId();
        server.reject(id, 422, "not_eligible");
        byte[] env = envelope(registration(id));
        HttpResponse<String> a = send(id, env);
        assertThat(a.statusCode()).isEqualTo(422);
        assertThat(body(a).get("error").asText()).isEqualTo("not_eligible");
        assertThat(send(id, env).statusCode()).isEqualTo(422);
        assertThat(server.registeredCount()).isZero();
        assertThat(server.plaintext(id)).as("kept only with keepClearData").isNull();
    }

    @Test
    void concurrentSendsOfTheSameKeyRegisterOnce() throws Exception {
        String id = newId();
        byte[] env = envelope(registration(id));
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sends = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<HttpResponse<String>> c = () -> {
                    go.await();
                    return send(id, env);
                };
                sends.add(pool.submit(c));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            Set<String> receipts = new java.util.HashSet<>();
            for (Future<HttpResponse<String>> f : sends) {
                HttpResponse<String> r = f.get();
                statuses.add(r.statusCode());
                receipts.add(body(r).get("receiptNumber").asText());
            }
            assertThat(statuses).containsOnly(201, 200);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
            assertThat(receipts).hasSize(1);
            assertThat(server.registeredCount()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTooLargeBodyIs413() throws Exception {
        server.close();
        server = CentralServer.start(options().withMaxBodyBytes(4096));
        String id = newId();
        Map<String, Object> r = registration(id);
        r.put("medicalAccess", Map.of("livenessPassed", true, "faces", List.of(Map.of("pose", "frontal_mouth_closed",
                "mediaType", "image/jpeg", "data", "A".repeat(8000)))));
        assertThat(send(id, envelope(r)).statusCode()).isEqualTo(413);
        assertThat(server.registeredCount()).isZero();
    }

    // --- roster, signups, heartbeat, routing -----------------------------------------------------

    static List<RosterEntry> roster(int from, int count) {
        List<RosterEntry> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(new RosterEntry("01130012", "card-" + i, "match-" + i, MemberType.INSURED,
                    RosterEntry.Status.ACTIVE));
        }
        return list;
    }

    @Test
    void theRosterIsPagedOldestFirstWithACursor() throws Exception {
        server.addRosterEntries(roster(0, 25));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        List<Boolean> mores = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            HttpResponse<String> r = get("/v1/roster?limit=10" + (cursor == null ? "" : "&cursor=" + cursor), TOKEN);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode b = body(r);
            b.get("entries").forEach(e -> seen.add(e.get("matchKey").asText()));
            mores.add(b.get("more").asBoolean());
            cursor = b.get("nextCursor").asText();
        }
        assertThat(mores).containsExactly(true, true, false);
        assertThat(seen).hasSize(25).startsWith("match-0", "match-1").endsWith("match-24");

        JsonNode empty = body(get("/v1/roster?limit=10&cursor=" + cursor, TOKEN));
        assertThat(empty.get("entries")).isEmpty();
        assertThat(empty.get("more").asBoolean()).isFalse();

        server.addRosterEntries(List.of(new RosterEntry("01130012", "card-0", "match-0", MemberType.INSURED,
                RosterEntry.Status.REMOVED)));
        JsonNode changes = body(get("/v1/roster?cursor=" + empty.get("nextCursor").asText(), TOKEN));
        assertThat(changes.get("entries")).hasSize(1);
        assertThat(changes.get("entries").get(0).get("status").asText()).isEqualTo("removed");
        assertThat(changes.get("entries").get(0).get("memberType").asText()).isEqualTo("insured");

        JsonNode full = body(get("/v1/roster", TOKEN));
        assertThat(full.get("entries")).hasSize(26);
        assertThat(get("/v1/roster?limit=0", TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/v1/roster?limit=10001", TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/v1/roster?cursor=garbage", TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void aSignupIsClaimedOnceByOneDevice() throws Exception {
        String draft = "{\"stepReached\":\"account_created\",\"email\":\"hanako@example.jp\",\"emailVerified\":true}";
        server.addSignup("resume-1", draft, Instant.now().plusSeconds(600));
        server.addSignup("resume-old", draft, Instant.now().minusSeconds(1));
        byte[] none = new byte[0];

        HttpResponse<String> first = post("/v1/signups/resume-1/claim", TOKEN, null, none);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(body(first).get("resumeId").asText()).isEqualTo("resume-1");
        assertThat(body(first).get("email").asText()).isEqualTo("hanako@example.jp");
        HttpResponse<String> again = post("/v1/signups/resume-1/claim", TOKEN, null, none);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(post("/v1/signups/resume-1/claim", OTHER_TOKEN, null, none).statusCode()).isEqualTo(410);
        assertThat(post("/v1/signups/resume-old/claim", TOKEN, null, none).statusCode()).isEqualTo(410);
        assertThat(post("/v1/signups/no-such-resume/claim", TOKEN, null, none).statusCode()).isEqualTo(404);
    }

    @Test
    void aHeartbeatIsRecorded() throws Exception {
        String hb = "{\"kioskId\":\"kiosk-test-01\",\"version\":\"1.0\",\"queueWaiting\":3,\"cameraOk\":true}";
        HttpResponse<String> r = post("/v1/heartbeat", TOKEN, null, hb.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(server.lastHeartbeat("kiosk-test-01")).hasValueSatisfying(h ->
                assertThat(h.get("queueWaiting").asInt()).isEqualTo(3));
        assertThat(server.lastHeartbeat("kiosk-other")).isEmpty();
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        assertThat(get("/v1/nothing-here", TOKEN).statusCode()).isEqualTo(404);
        HttpResponse<String> wrong = get("/v1/registrations", TOKEN);
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("POST");
        assertThat(post("/v1/roster", TOKEN, null, new byte[0]).statusCode()).isEqualTo(405);
    }

    // --- faults ----------------------------------------------------------------------------------

    @Test
    void theFailSwitchAnswers503WithRetryAfterOr500() throws Exception {
        server.faults(Faults.NONE.withFail(1.0, 503, 7));
        String id = newId();
        byte[] env = envelope(registration(id));
        HttpResponse<String> r = send(id, env);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(get("/v1/roster", TOKEN).statusCode()).isEqualTo(503);
        server.faults(Faults.NONE.withFail(1.0, 500, 0));
        assertThat(send(id, env).statusCode()).isEqualTo(500);
        assertThat(server.registeredCount()).isZero();

        // A share: with a seeded random some fail and some pass.
        server.faults(Faults.NONE.withFail(0.5, 503, 1));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(get("/v1/roster", TOKEN).statusCode());
        }
        assertThat(statuses).contains(200, 503).containsOnly(200, 503);
        server.faults(Faults.NONE);
        assertThat(send(id, env).statusCode()).isEqualTo(201);
    }

    @Test
    void aDroppedAnswerAfterCommitLeavesTheRegistrationRegistered() throws Exception {
        server.faults(Faults.NONE.withDropAfterCommit(1.0));
        String id = newId();
        byte[] env = envelope(registration(id));
        assertThatThrownBy(() -> send(id, env)).isInstanceOf(IOException.class);
        assertThat(server.registrationIds()).containsExactly(id);

        server.faults(Faults.NONE);
        HttpResponse<String> retry = send(id, env);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(body(retry).get("registrationId").asText()).isEqualTo(id);
        assertThat(server.registeredCount()).isEqualTo(1);
    }

    @Test
    void theDelaySwitchDelaysEveryAnswer() throws Exception {
        server.faults(Faults.NONE.withDelayMs(400));
        long started = System.nanoTime();
        assertThat(get("/v1/roster", TOKEN).statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
        server.faults(Faults.NONE);
        started = System.nanoTime();
        get("/v1/roster", TOKEN);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(400);
    }

    // --- stalled clients -----------------------------------------------------------------------

    /** A connection that sends the start of a request and then nothing more. */
    java.net.Socket stalled(String start) throws IOException {
        java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(10_000);
        s.getOutputStream().write(start.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        return s;
    }

    /** Half a request line; headers without their end; a body of 1000 declared bytes with 10 sent. */
    List<java.net.Socket> stalledClients(int count) throws IOException {
        List<java.net.Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sockets.add(stalled(switch (i % 3) {
                case 0 -> "POST /v1/heart";
                case 1 -> "GET /v1/roster HTTP/1.1\r\nHost: central\r\nAuthorization: Bearer " + TOKEN + "\r\n";
                default -> "POST /v1/heartbeat HTTP/1.1\r\nHost: central\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"kioskId\"";
            }));
        }
        return sockets;
    }

    /** How long until the server closed the connection (read gives up: end of stream or reset). */
    static long closedAfterMs(java.net.Socket s) {
        long t0 = System.nanoTime();
        try {
            while (s.getInputStream().read() >= 0) {
                // an answer (a 400 or a 500) before the close is fine
            }
        } catch (java.net.SocketTimeoutException e) {
            return Long.MAX_VALUE;
        } catch (IOException e) {
            // reset: closed
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void stalledClientsDoNotBlockTheServer() throws Exception {
        server.close();
        server = CentralServer.start(options().withReadTimeout(Duration.ofMillis(600)));
        List<java.net.Socket> sockets = stalledClients(6);
        try {
            Thread.sleep(100);
            long t0 = System.nanoTime();
            HttpResponse<String> roster = get("/v1/roster", TOKEN);
            assertThat(roster.statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - t0) / 1_000_000).as("answered once the stalled ones timed out")
                    .isLessThan(3_000);
            for (java.net.Socket s : sockets) {
                assertThat(closedAfterMs(s)).as("the server closed a stalled connection").isLessThan(3_000);
            }
        } finally {
            for (java.net.Socket s : sockets) {
                s.close();
            }
        }
        assertThat(server.lastHeartbeat("unknown")).as("no half heartbeat was stored").isEmpty();
    }

    @Test
    void requestsBeyondTheQueueAreTurnedAwayAtOnce() throws Exception {
        server.close();
        server = CentralServer.start(options().withThreads(1).withQueue(1).withReadTimeout(Duration.ofMillis(1500)));
        List<java.net.Socket> sockets = stalledClients(2);
        try {
            Thread.sleep(200);
            try (java.net.Socket third = stalled("GET /v1/roster HTTP/1.1\r\n")) {
                assertThat(closedAfterMs(third)).as("turned away, not left waiting").isLessThan(500);
            }
            for (java.net.Socket s : sockets) {
                assertThat(closedAfterMs(s)).isLessThan(4_000);
            }
            HttpResponse<String> roster = get("/v1/roster", TOKEN);
            assertThat(roster.statusCode()).as("served after the stalled ones timed out").isEqualTo(200);
        } finally {
            for (java.net.Socket s : sockets) {
                s.close();
            }
        }
    }
}
