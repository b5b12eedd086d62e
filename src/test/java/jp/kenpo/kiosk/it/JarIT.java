package jp.kenpo.kiosk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/kenpo-kiosk.jar}, run as the administrator runs it (after
 * {@code package}, by the failsafe plugin).
 */
class JarIT {

    private static final Path JAR = Path.of("target/kenpo-kiosk.jar");

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result java(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("KIOSK_DATA_DIR", dir.resolve("data").toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finishes").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void selftestPassesOnTheDemoConfiguration() throws Exception {
        Result r = java("selftest");
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains("OK   config", "OK   database", "first picture 1280x720");
        assertThat(r.out).doesNotContain("FAIL");
        // the jar's clips: on where the build had espeak-ng (CI installs it), else a line saying voice is off
        assertThat(r.out).containsPattern(System.getenv("CI") != null ? "OK   voice +on, \\d+ clips" : "OK   voice +(on|off)");
        assertThat(dir.resolve("data/kiosk.db")).exists();
    }

    @Test
    void aTypoStopsStartUpWithFileAndLineAndNoStackTrace() throws Exception {
        Path broken = dir.resolve("kiosk.yaml");
        String demo = Files.readString(Path.of("kiosk-config/kiosk.yaml"));
        Files.writeString(broken, demo.replace("unions:", "unoins:"));
        int line = 1 + (int) demo.lines().takeWhile(l -> !l.startsWith("unions:")).count();

        Result start = java("--config", broken.toString());
        assertThat(start.exit).isEqualTo(2);
        assertThat(start.err.strip()).startsWith(broken + ":" + line + ": unknown key 'unoins'");
        assertThat(start.err).doesNotContain("Exception", "\tat ");

        Result selftest = java("--config", broken.toString(), "selftest");
        assertThat(selftest.exit).isEqualTo(1);
        assertThat(selftest.out).contains("FAIL config");
    }

    @Test
    void analyzeCardRunsFromTheJarWithItsOwnNatives() throws Exception {
        jp.kenpo.kiosk.capture.OpenCv.load();
        var frame = jp.kenpo.kiosk.capture.CardFixtures.frame(jp.kenpo.kiosk.capture.CardFixtures.Kind.GOOD,
                new java.util.Random(1));
        Path png = dir.resolve("card.png");
        org.opencv.imgcodecs.Imgcodecs.imwrite(png.toString(), frame.image());
        Result r = java("analyze", "card", png.toString());
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out.strip()).startsWith("{\"found\":true,\"corners\":[[").contains("\"accept\":true");
    }

    @Test
    void analyzeFaceRunsFromTheJarWithTheFaceModelsInside() throws Exception {
        var fixtures = new jp.kenpo.kiosk.capture.face.FaceFixtures();
        Path png = dir.resolve("face.png");
        org.opencv.imgcodecs.Imgcodecs.imwrite(png.toString(), fixtures.pose(1, 0, false, new java.util.Random(2)).image());
        Result r = java("analyze", "face", png.toString());
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out.strip()).startsWith("{\"faces\":1,\"box\":[").contains("\"accept\":true");
    }

    @Test
    void versionAndHelp() throws Exception {
        assertThat(java("--version").out).startsWith("kenpo-kiosk 0.1.0");
        Result help = java("--help");
        assertThat(help.out).contains("selftest", "hash-pin", "--config");
    }
}
