package jp.kenpo.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.app.Main;
import jp.kenpo.kiosk.core.account.SlowHash;
import picocli.CommandLine;

/** The administrator's commands, run in-process with their output captured. */
class CommandLineTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A copy of the demo configuration whose data lives in the test's folder. */
    private Path demoCopy() throws Exception {
        Path source = Path.of("kiosk-config");
        Path cfg = dir.resolve("kiosk-config");
        try (var files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = cfg.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return cfg.resolve("kiosk.yaml");
    }

    @Test
    void selftestPassesOnTheDemoConfiguration() throws Exception {
        Run r = run("--config", demoCopy().toString(), "selftest");
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out.lines()).hasSizeGreaterThanOrEqualTo(4).allMatch(l -> l.startsWith("OK "));
        assertThat(r.out).contains("config", "database", "schema 1");
        assertThat(r.out).containsPattern("OK +camera +virtual camera .*demo-camera 1280x720, first picture 1280x720");
        assertThat(Files.exists(dir.resolve("target/kiosk-data/kiosk.db"))).isTrue();
    }

    @Test
    void selftestNamesAMissingUsbCamera() throws Exception {
        Path file = demoCopy();
        Files.writeString(file, Files.readString(file).replace("source: virtual:demo-camera",
                "source: \"device:No Such Camera\""));
        Run r = run("--config", file.toString(), "selftest");
        assertThat(r.exit).as(r.out + r.err).isEqualTo(1);
        assertThat(r.out).contains("FAIL camera", "no camera named 'No Such Camera'");
        assertThat(r.out + r.err).doesNotContain("\tat ");
    }

    @Test
    void selftestFailsWithFileAndLineOnATypo() throws Exception {
        Path file = demoCopy();
        Files.writeString(file, Files.readString(file).replace("  idleSeconds: 90", "  idleSecnds: 90"));
        int line = 1 + (int) Files.readString(file).lines().takeWhile(l -> !l.contains("idleSecnds")).count();
        Run r = run("--config", file.toString(), "selftest");
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).startsWith(file + ":" + line + ": unknown key 'idleSecnds' in timeouts");
        assertThat(r.out).contains("FAIL config");
        assertThat(r.out + r.err).doesNotContain("Exception", "\tat ");
    }

    @Test
    void selftestFailsWhenTheDatabaseIsUnusable() throws Exception {
        Path file = demoCopy();
        Path data = dir.resolve("target/kiosk-data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("kiosk.db"), "not a database at all, only some text for the header");
        Run r = run("--config", file.toString(), "selftest");
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.out).contains("OK   config").contains("FAIL database");
    }

    @Test
    void selftestProbesTheSmtpServer() throws Exception {
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
                com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            Path file = demoCopy();
            String smtpSection = "mail:\n  mode: smtp\n  host: 127.0.0.1\n  port: " + smtp.getSmtp().getPort()
                    + "\n  security: none\n  from: no-reply@demo.kenpo.example\n";
            String yaml = Files.readString(file).replaceAll("(?s)\nmail:\n.*?\n\ncentral:", "\n" + smtpSection + "\ncentral:");
            Files.writeString(file, yaml);
            Run up = run("--config", file.toString(), "selftest");
            assertThat(up.out).as(up.out + up.err).contains("OK   mail      smtp 127.0.0.1:" + smtp.getSmtp().getPort());
            smtp.stop();
            Run down = run("--config", file.toString(), "selftest");
            assertThat(down.exit).isEqualTo(1);
            assertThat(down.out).contains("FAIL mail", "cannot be reached");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void hashPinPrintsAHashTheKioskAccepts() {
        InputStream before = System.in;
        try {
            System.setIn(new ByteArrayInputStream("24680\n".getBytes(StandardCharsets.UTF_8)));
            Run r = run("hash-pin");
            assertThat(r.exit).isZero();
            String phc = r.out.strip();
            assertThat(SlowHash.isWellFormed(phc)).isTrue();
            assertThat(SlowHash.verify("24680".toCharArray(), phc)).isTrue();

            System.setIn(new ByteArrayInputStream("12ab\n".getBytes(StandardCharsets.UTF_8)));
            Run bad = run("hash-pin");
            assertThat(bad.exit).isEqualTo(1);
            assertThat(bad.out).isEmpty();
            assertThat(bad.err).contains("4 to 12 digits");
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        Run r = run("frobnicate");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("Unmatched argument");
    }
}
