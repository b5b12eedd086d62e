package jp.kenpo.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.imgcodecs.Imgcodecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.cli.Main;
import jp.kenpo.kiosk.capture.CardFixtures.Frame;
import jp.kenpo.kiosk.capture.CardFixtures.Kind;
import jp.kenpo.kiosk.testing.ImageFiles;
import picocli.CommandLine;

/** {@code analyze card IMAGE…} on generated images written as PNG and JPEG files. */
class AnalyzeCardCommandTest {

    @TempDir
    Path dir;

    @Test
    void oneJsonLinePerImageAndExitZeroWhetherAcceptedOrNot() throws Exception {
        OpenCv.load();
        Random r = new Random(3);
        Frame good = CardFixtures.frame(Kind.GOOD, r);
        Frame empty = CardFixtures.frame(Kind.EMPTY, r);
        Path goodFile = dir.resolve("good.png");
        Path emptyFile = dir.resolve("empty.jpg");
        Imgcodecs.imwrite(goodFile.toString(), good.image());
        Imgcodecs.imwrite(emptyFile.toString(), empty.image());

        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        int exit = cl.execute("analyze", "card", goodFile.toString(), emptyFile.toString());

        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("found").asBoolean()).isTrue();
        assertThat(first.get("corners")).hasSize(4);
        assertThat(first.get("corners").get(0)).hasSize(2);
        assertThat(first.get("accept").asBoolean()).isTrue();
        assertThat(first.get("reasons")).isEmpty();
        for (String field : List.of("sharpness", "glare", "fill", "ms")) {
            assertThat(first.get(field).isNumber()).as(field).isTrue();
        }
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.get("found").asBoolean()).isFalse();
        assertThat(second.get("accept").asBoolean()).isFalse();
        assertThat(second.get("reasons").get(0).asText()).isEqualTo("not_found");
    }

    @Test
    void analyzeFacePrintsTheSpecsJson() throws Exception {
        var fixtures = new jp.kenpo.kiosk.capture.face.FaceFixtures();
        Random r = new Random(4);
        Path frontal = dir.resolve("frontal.png");
        Path turned = dir.resolve("turned.jpg");
        Path nobody = dir.resolve("nobody.png");
        Imgcodecs.imwrite(frontal.toString(), fixtures.pose(1, 0, false, r).image());
        Imgcodecs.imwrite(turned.toString(), fixtures.pose(1, 30, true, r).image());
        Imgcodecs.imwrite(nobody.toString(), CardFixtures.frame(Kind.EMPTY, r).image());

        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cl.execute("analyze", "face", frontal.toString(), turned.toString(), nobody.toString())).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(lines.get(0));
        assertThat(a.get("faces").asInt()).isEqualTo(1);
        assertThat(a.get("box")).hasSize(4);
        assertThat(a.get("yaw").asText()).isEqualTo("frontal");
        assertThat(a.get("mouth").asText()).isEqualTo("closed");
        assertThat(a.get("accept").asBoolean()).isTrue();
        for (String field : List.of("yawScore", "mouthScore", "sharpness", "ms")) {
            assertThat(a.get(field).isNumber()).as(field).isTrue();
        }
        JsonNode b = json.readTree(lines.get(1));
        assertThat(b.get("yaw").asText()).as("turned to the member's right").isEqualTo("right");
        assertThat(b.get("mouth").asText()).isEqualTo("open");
        assertThat(b.get("accept").asBoolean()).isFalse();
        assertThat(b.get("reasons").toString()).contains("not_frontal", "mouth_open");
        JsonNode c = json.readTree(lines.get(2));
        assertThat(c.get("faces").asInt()).isZero();
        assertThat(c.get("box").isNull()).isTrue();
        assertThat(c.get("reasons").get(0).asText()).isEqualTo("no_face");
    }

    /**
     * A damaged file, and a PNG whose header claims 60000 × 60000 pixels (10.8 GB decoded): one line
     * each on standard error, refused before decoding, and the good image after them is analyzed.
     */
    @Test
    void badImagesGetOneLineEachAndTheOthersStillRun() throws Exception {
        OpenCv.load();
        Path huge = dir.resolve("huge.png");
        Files.write(huge, ImageFiles.pngHeader(60000, 60000));
        Path damaged = dir.resolve("damaged.jpg");
        byte[] junk = new byte[4096];
        new Random(9).nextBytes(junk);
        junk[0] = (byte) 0xFF;
        junk[1] = (byte) 0xD8; // a JPEG's first marker, then noise
        Files.write(damaged, junk);
        Path good = dir.resolve("good.png");
        Imgcodecs.imwrite(good.toString(), CardFixtures.frame(Kind.GOOD, new Random(3)).image());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        long heapBefore = Runtime.getRuntime().totalMemory();
        int exit = cl.execute("analyze", "card", huge.toString(), damaged.toString(), good.toString());

        assertThat(exit).as("some images were refused").isEqualTo(1);
        List<String> errors = err.toString().lines().toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith(huge + ": refused: the image says it is 60000 × 60000 pixels");
        assertThat(errors.get(1)).startsWith(damaged + ": not a readable PNG or JPEG image");
        assertThat(err.toString()).doesNotContain("Exception:").doesNotContain("\tat ");
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode result = new ObjectMapper().readTree(lines.get(0));
        assertThat(result.get("file").asText()).isEqualTo(good.toString());
        assertThat(result.get("accept").asBoolean()).isTrue();
        assertThat(Runtime.getRuntime().totalMemory() - heapBefore).as("nothing huge was allocated")
                .isLessThan(512L * 1024 * 1024);
    }

    @Test
    void anUnreadableFileIsANonZeroExitWithAPlainMessage() throws Exception {
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not an image");
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("analyze", "card", text.toString(), dir.resolve("missing.jpg").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("notes.png: not a readable PNG or JPEG image")
                .contains("missing.jpg: not a readable file").doesNotContain("Exception");
    }
}
