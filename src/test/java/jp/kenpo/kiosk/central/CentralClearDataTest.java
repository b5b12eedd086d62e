package jp.kenpo.kiosk.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.sync.CentralKey;
import jp.kenpo.kiosk.sync.Sealer;
import jp.kenpo.kiosk.testing.Unsealer;

/**
 * The reference server's {@code central.db} holds metadata and hashes only — no opened
 * registration, no signup draft — unless it is started with {@code keepClearData} for debugging;
 * and a later start without it removes what a debugging run kept.
 */
class CentralClearDataTest {

    static final String TOKEN = "kiosk-a-token";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KANA = "ケンコウ　タロウ";
    static final String BIRTH = "1956-04-01";
    static final String NUMBER = "283746";
    static final String PASSWORD = "Midori7!s";
    static final String DRAFT_EMAIL = "hanako.draft@example.jp";

    @TempDir
    Path dir;

    CentralServer server;
    Sealer sealer;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void sealer() throws Exception {
        sealer = new Sealer(CentralKey.read(Path.of("kiosk-config/demo-central/central-public.pem")), "demo-2026",
                new SecureRandom());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    CentralServer start(boolean keepClearData) throws Exception {
        server = CentralServer.start(CentralServer.Options.of(dir.resolve("central"), Unsealer.demoKey(), "demo-2026")
                .withDeviceTokens(Set.of(TOKEN)).withKeepClearData(keepClearData));
        return server;
    }

    static String email(String id) {
        return "taro." + id.substring(0, 8) + "@example.jp";
    }

    byte[] envelope(String id) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("registrationId", id);
        r.put("kioskId", "K07");
        r.put("createdAt", "2026-12-01T10:15:30Z");
        r.put("insurerNumber", "01130012");
        r.put("card", Map.of("symbol", "91", "number", NUMBER, "branch", "01"));
        r.put("member", Map.of("kanaName", KANA, "birthDate", BIRTH, "memberType", "insured"));
        r.put("account", Map.of("email", email(id), "password", PASSWORD, "emailVerified", true));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("registrationId", id);
        e.put("kioskId", "K07");
        e.put("createdAt", "2026-12-01T10:15:30Z");
        e.put("sealed", sealer.seal(id, JSON.writeValueAsBytes(r)));
        return JSON.writeValueAsBytes(e);
    }

    HttpResponse<String> post(String path, String key, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Every file of the server's folder (central.db and its companions), as bytes read two ways. */
    String onDisk() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (var files = Files.list(dir.resolve("central"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.write(Files.readAllBytes(f));
            }
        }
        byte[] bytes = all.toByteArray();
        return new String(bytes, StandardCharsets.UTF_8) + new String(bytes, StandardCharsets.UTF_16LE);
    }

    List<String> personal(String id) {
        return List.of(KANA, "ケンコウ", BIRTH, NUMBER, email(id), "taro.", PASSWORD, DRAFT_EMAIL);
    }

    @Test
    void byDefaultCentralDbHoldsOnlyMetadataAndHashes() throws Exception {
        start(false);
        String id = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        server.reject(refused, 422, "not_eligible");
        assertThat(post("/v1/registrations", id, envelope(id)).statusCode()).isEqualTo(201);
        assertThat(post("/v1/registrations", refused, envelope(refused)).statusCode()).isEqualTo(422);
        server.addSignup("resume-1", "{\"email\":\"" + DRAFT_EMAIL + "\"}", Instant.now().plusSeconds(600));
        HttpResponse<String> claimed = post("/v1/signups/resume-1/claim", null, new byte[0]);
        assertThat(claimed.statusCode()).as("the draft is served from memory").isEqualTo(200);
        assertThat(claimed.body()).contains(DRAFT_EMAIL);

        // The conflict rules still hold on the hashes alone.
        String again = UUID.randomUUID().toString();
        HttpResponse<String> twice = post("/v1/registrations", again, envelope(again));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already_registered");

        assertThat(server.plaintext(id)).isNull();
        assertThat(server.plaintext(refused)).isNull();
        server.close();
        String disk = onDisk();
        assertThat(disk).as("metadata is there").contains(id, "K07");
        for (String s : personal(id)) {
            assertThat(disk).as(s).doesNotContain(s);
        }
    }

    @Test
    void keepClearDataKeepsTheOpenedRegistrationWithoutThePassword() throws Exception {
        start(true);
        String id = UUID.randomUUID().toString();
        assertThat(post("/v1/registrations", id, envelope(id)).statusCode()).isEqualTo(201);
        JsonNode stored = server.plaintext(id);
        assertThat(stored.get("member").get("kanaName").asText()).isEqualTo(KANA);
        assertThat(stored.get("card").get("number").asText()).isEqualTo(NUMBER);
        assertThat(stored.get("account").has("password")).as("the reference server keeps no password").isFalse();
        assertThat(stored.get("account").get("passwordReceived").asBoolean()).isTrue();
        server.close();
        assertThat(onDisk()).contains(NUMBER).doesNotContain(PASSWORD);
    }

    @Test
    void clearDataADebuggingRunKeptIsRemovedWhenStartedWithout() throws Exception {
        start(true);
        String id = UUID.randomUUID().toString();
        byte[] env = envelope(id);
        HttpResponse<String> first = post("/v1/registrations", id, env);
        server.addSignup("resume-1", "{\"email\":\"" + DRAFT_EMAIL + "\"}", Instant.now().plusSeconds(600));
        server.close();
        assertThat(onDisk()).as("the debugging run kept it").contains(NUMBER, DRAFT_EMAIL);

        start(false);
        assertThat(server.plaintext(id)).isNull();
        HttpResponse<String> replay = post("/v1/registrations", id, env);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(post("/v1/signups/resume-1/claim", null, new byte[0]).statusCode())
                .as("a draft not kept across a restart is gone").isEqualTo(410);
        server.close();
        String disk = onDisk();
        for (String s : personal(id)) {
            assertThat(disk).as(s).doesNotContain(s);
        }
    }
}
