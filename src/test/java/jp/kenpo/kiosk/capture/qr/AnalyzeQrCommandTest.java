package jp.kenpo.kiosk.capture.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import jp.kenpo.kiosk.capture.OpenCv;
import jp.kenpo.kiosk.central.ResumeTokenIssuer;
import jp.kenpo.kiosk.core.resume.ResumeStep;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.testing.Commands;
import jp.kenpo.kiosk.testing.ImageFiles;
import jp.kenpo.kiosk.testing.TestConfigs;

/**
 * {@code analyze qr IMAGE…} in-process on a copy of the demo configuration: a generated code and
 * photographed slips, resume tokens signed with the demo key (valid, expired, for another union,
 * already used here, signed with a key the kiosk does not know), other text, no code, and files
 * that are not images.
 */
class AnalyzeQrCommandTest {

    @TempDir
    Path dir;

    @Test
    void oneJsonLinePerImageWithTheTokensVerdict() throws Exception {
        OpenCv.load();
        Path config = TestConfigs.demoCopy(dir);
        ResumeTokenIssuer demo = ResumeTokenIssuer.of(ResumeTokenIssuer.DEMO_KID,
                ResumeTokenIssuer.readPrivateKey(config.resolveSibling(ResumeTokenIssuer.DEMO_PRIVATE_KEY)),
                Clock.systemUTC());
        ResumeTokenIssuer.Issued valid = demo.issue(ResumeStep.ACCOUNT_CREATED, "01130012", Duration.ofHours(1));
        ResumeTokenIssuer.Issued expired = demo.issue("AAECAwQFBgcICQoLDA0ODw", ResumeStep.IDENTITY_VERIFIED,
                "01130012", Instant.now().minus(Duration.ofDays(2)), Duration.ofHours(1));
        ResumeTokenIssuer.Issued otherUnion = demo.issue(ResumeStep.ACCOUNT_CREATED, "06139999", Duration.ofHours(1));
        ResumeTokenIssuer.Issued used = demo.issue(ResumeStep.ACCOUNT_CREATED, "133033", Duration.ofHours(1));
        String unknownKey = new ResumeTokenIssuer("k-elsewhere", java.security.KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair().getPrivate(), Clock.systemUTC(), new Random(1))
                .issue(ResumeStep.ACCOUNT_CREATED, "01130012", Duration.ofHours(1)).text();
        Database db = Database.open(config.getParent().resolve("../target/kiosk-data").normalize());
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO consumed_resume_tokens (resume_id, consumed_at) VALUES (?, ?)")) {
            ps.setString(1, used.rid());
            ps.setString(2, Instant.now().toString());
            ps.executeUpdate();
        }

        Random r = new Random(21);
        Path generated = write("generated.png", QrFixtures.code(valid.text(), ErrorCorrectionLevel.M, 6, 4));
        Path photoExpired = write("expired.jpg", QrFixtures.photo(expired.text(), r));
        Path photoOtherUnion = write("other-union.jpg", QrFixtures.photo(otherUnion.text(), r));
        Path photoUsed = write("used.jpg", QrFixtures.photo(used.text(), r));
        Path photoUnknown = write("unknown-key.jpg", QrFixtures.photo(unknownKey, r));
        Path url = write("url.jpg", QrFixtures.photo("https://app.kenpo.example/r/xyz", r));
        Path nothing = write("nothing.jpg", QrFixtures.camera(QrFixtures.desk(r), 0.7, 2, 85, r));
        Path notAnImage = dir.resolve("notes.png");
        Files.writeString(notAnImage, "not an image");

        Commands.Run run = Commands.run("--config", config.toString(), "analyze", "qr", generated.toString(),
                photoExpired.toString(), notAnImage.toString(), photoOtherUnion.toString(), photoUsed.toString(),
                photoUnknown.toString(), url.toString(), nothing.toString());

        assertThat(run.exit()).as("one file was not an image").isEqualTo(1);
        assertThat(run.err().lines().toList()).singleElement().asString()
                .startsWith(notAnImage + ": not a readable PNG or JPEG image");
        List<JsonNode> lines = run.out().lines().map(AnalyzeQrCommandTest::json).toList();
        assertThat(lines).hasSize(7);

        JsonNode a = lines.get(0);
        assertThat(a.get("file").asText()).isEqualTo(generated.toString());
        assertThat(a.get("found").asBoolean()).isTrue();
        assertThat(a.get("text").asText()).isEqualTo(valid.text());
        assertThat(a.get("ms").isNumber()).isTrue();
        JsonNode t = a.get("token");
        assertThat(t.get("valid").asBoolean()).isTrue();
        assertThat(t.get("reason").isNull()).isTrue();
        assertThat(t.get("rid").asText()).isEqualTo(valid.rid());
        assertThat(t.get("step").asText()).isEqualTo("account_created");
        assertThat(t.get("kid").asText()).isEqualTo("demo-resume-2026");
        assertThat(Instant.parse(t.get("exp").asText())).isEqualTo(valid.expires());

        assertToken(lines.get(1), photoExpired, "expired");
        assertThat(lines.get(1).get("token").get("step").asText()).isEqualTo("identity_verified");
        assertToken(lines.get(2), photoOtherUnion, "union_not_served");
        assertToken(lines.get(3), photoUsed, "already_used");
        assertToken(lines.get(4), photoUnknown, "unknown_key");
        assertThat(lines.get(4).get("token").get("kid").asText()).isEqualTo("k-elsewhere");

        JsonNode u = lines.get(5);
        assertThat(u.get("text").asText()).isEqualTo("https://app.kenpo.example/r/xyz");
        assertThat(u.has("token")).as("only KR1 text is checked as a token").isFalse();
        JsonNode n = lines.get(6);
        assertThat(n.get("file").asText()).isEqualTo(nothing.toString());
        assertThat(n.get("found").asBoolean()).isFalse();
        assertThat(n.get("text").isNull()).isTrue();
        assertThat(n.has("token")).isFalse();
    }

    @Test
    void aHugeImageIsRefusedBeforeDecodingAndASingleImageIsStillNamed() throws Exception {
        OpenCv.load();
        Path config = TestConfigs.demoCopy(dir);
        Path huge = dir.resolve("huge.png");
        Files.write(huge, ImageFiles.pngHeader(60000, 60000));
        Path small = write("code.png", QrFixtures.code("MEMO-1", ErrorCorrectionLevel.M, 4, 4));

        Commands.Run refused = Commands.run("--config", config.toString(), "analyze", "qr", huge.toString());
        Commands.Run one = Commands.run("--config", config.toString(), "analyze", "qr", small.toString());

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).startsWith(huge + ": refused: the image says it is 60000 × 60000 pixels")
                .doesNotContain("Exception");
        assertThat(refused.out()).isEmpty();
        assertThat(one.exit()).isZero();
        JsonNode line = json(one.out().strip());
        assertThat(line.get("file").asText()).isEqualTo(small.toString());
        assertThat(line.get("text").asText()).isEqualTo("MEMO-1");
    }

    private static void assertToken(JsonNode line, Path file, String reason) {
        assertThat(line.get("file").asText()).isEqualTo(file.toString());
        assertThat(line.get("found").asBoolean()).as(file + " read").isTrue();
        JsonNode t = line.get("token");
        assertThat(t.get("valid").asBoolean()).isFalse();
        assertThat(t.get("reason").asText()).isEqualTo(reason);
        assertThat(t.get("rid").asText()).hasSize(22);
    }

    private Path write(String name, Mat image) {
        Path p = dir.resolve(name);
        assertThat(Imgcodecs.imwrite(p.toString(), image)).isTrue();
        image.release();
        return p;
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
