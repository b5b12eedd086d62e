package jp.kenpo.kiosk.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.capture.qr.QrDecoder;
import jp.kenpo.kiosk.core.resume.ResumeCheck;
import jp.kenpo.kiosk.core.resume.ResumeKeys;
import jp.kenpo.kiosk.core.resume.ResumeStep;
import jp.kenpo.kiosk.core.resume.ResumeTokenVerifier;
import jp.kenpo.kiosk.core.port.UsedResumeIds;
import jp.kenpo.kiosk.testing.Commands;
import jp.kenpo.kiosk.testing.TestConfigs;

/**
 * {@code central resume-token}: a token signed with the demo key, its QR code as a PNG that decodes to
 * it, and a draft the reference server — running on the same data, started before or after — serves
 * to the first device that claims it (410 for another, 404 for an unknown id), over real HTTP.
 */
class ResumeTokenCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> claim(CentralServer server, String rid, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/signups/" + rid + "/claim"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    CentralServer server() throws Exception {
        return CentralServer.start(CentralServer.Options.of(dir.resolve("central"), jp.kenpo.kiosk.testing.Unsealer.demoKey(), "demo-2026")
                .withDeviceTokens(Set.of("kiosk-a", "kiosk-b")));
    }

    Commands.Run token(String... more) {
        String[] base = {"--config", TestConfigs.DEMO.toString(), "central", "--data", dir.resolve("central").toString(),
                "resume-token"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return Commands.run(all);
    }

    @Test
    void aTokenIsPrintedItsQrWrittenAndItsDraftClaimedOnceOverHttp() throws Exception {
        Path png = dir.resolve("slip/qr.png");
        CentralServer running = server();
        try {
            Commands.Run run = token("--step", "account_created", "--insurer", "01130012", "--png", png.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            String text = run.out().strip();

            PublicKey pub = ResumeKeys.readPublic(Path.of("kiosk-config/demo-central/resume-public.pem"));
            ResumeCheck check = new ResumeTokenVerifier(Map.of(ResumeTokenIssuer.DEMO_KID, pub), Set.of("01130012"),
                    UsedResumeIds.NONE, Clock.systemUTC()).check(text);
            assertThat(check.valid()).as("%s", check.refusal()).isTrue();
            String rid = check.token().orElseThrow().rid();
            assertThat(check.token().orElseThrow().step()).isEqualTo(ResumeStep.ACCOUNT_CREATED);

            jp.kenpo.kiosk.capture.OpenCv.load();
            try (QrDecoder decoder = new QrDecoder(1000)) {
                Mat bgr = jp.kenpo.kiosk.capture.StillImage.read(png).image();
                assertThat(decoder.decode(bgr).text()).isEqualTo(text);
            }

            // The server already running serves the draft the command stored.
            HttpResponse<String> first = claim(running, rid, "kiosk-a");
            assertThat(first.statusCode()).isEqualTo(200);
            JsonNode d = JSON.readTree(first.body());
            assertThat(d.get("resumeId").asText()).isEqualTo(rid);
            assertThat(d.get("stepReached").asText()).isEqualTo("account_created");
            assertThat(d.get("member").get("kanaName").asText()).isEqualTo(DemoSignups.KANA_NAME);
            assertThat(d.has("card")).as("membership not entered in the app").isFalse();
            assertThat(claim(running, rid, "kiosk-a").body()).isEqualTo(first.body());
            assertThat(claim(running, rid, "kiosk-b").statusCode()).isEqualTo(410);
            assertThat(claim(running, "AAAAAAAAAAAAAAAAAAAAAA", "kiosk-a").statusCode()).isEqualTo(404);
        } finally {
            running.close();
        }
    }

    @Test
    void aDraftStoredBeforeTheServerStartsIsServedAfterIt() throws Exception {
        Commands.Run run = token("--step", "identity_verified", "--insurer", "01130012");
        assertThat(run.exit()).as(run.err()).isZero();
        String payload = run.out().strip().split("\\.")[1];
        String rid = JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).get("rid").asText();
        CentralServer server = server();
        try {
            HttpResponse<String> r = claim(server, rid, "kiosk-b");
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode d = JSON.readTree(r.body());
            assertThat(d.get("stepReached").asText()).isEqualTo("identity_verified");
            assertThat(d.get("card").get("number").asText()).isEqualTo(DemoSignups.CARD_NUMBER);
        } finally {
            server.close();
        }
    }

    @Test
    void badOptionsAreRefusedPlainly() {
        Commands.Run step = token("--step", "somewhere", "--insurer", "01130012");
        assertThat(step.exit()).isEqualTo(2);
        assertThat(step.err()).contains("account_created or identity_verified");
        assertThat(token("--step", "account_created", "--insurer", "123").exit()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("central/central.db"))).isFalse();
    }
}
