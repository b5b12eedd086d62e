package jp.kenpo.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import jp.kenpo.kiosk.testing.Commands.Run;
import static jp.kenpo.kiosk.testing.Commands.run;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.cli.Main;
import jp.kenpo.kiosk.core.account.SlowHash;
import picocli.CommandLine;

/** The administrator's commands, run in-process with their output captured. */
class CommandLineTest {

    @TempDir
    Path dir;


    private Path demoCopy() throws Exception {
        return jp.kenpo.kiosk.testing.TestConfigs.demoCopy(dir);
    }


    @Test
    void selftestPassesOnTheDemoConfiguration() throws Exception {
        Run r = run("--config", demoCopy().toString(), "selftest");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out().lines()).hasSizeGreaterThanOrEqualTo(4).allMatch(l -> l.startsWith("OK "));
        assertThat(r.out()).contains("config", "database", "schema 5");
        assertThat(r.out()).containsPattern("OK +camera +virtual camera .*demo-camera 1280x720, first picture 1280x720");
        assertThat(Files.exists(dir.resolve("target/kiosk-data/kiosk.db"))).isTrue();
    }

    @Test
    void selftestNamesAMissingUsbCamera() throws Exception {
        Path file = demoCopy();
        Files.writeString(file, Files.readString(file).replace("source: virtual:demo-camera",
                "source: \"device:No Such Camera\""));
        Run r = run("--config", file.toString(), "selftest");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL camera", "no camera named 'No Such Camera'");
        assertThat(r.out() + r.err()).doesNotContain("\tat ");
    }

    @Test
    void selftestFailsWithFileAndLineOnATypo() throws Exception {
        Path file = demoCopy();
        Files.writeString(file, Files.readString(file).replace("  idleSeconds: 90", "  idleSecnds: 90"));
        int line = 1 + (int) Files.readString(file).lines().takeWhile(l -> !l.contains("idleSecnds")).count();
        Run r = run("--config", file.toString(), "selftest");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith(file + ":" + line + ": unknown key 'idleSecnds' in timeouts");
        assertThat(r.out()).contains("FAIL config");
        assertThat(r.out() + r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void selftestFailsWhenTheDatabaseIsUnusable() throws Exception {
        Path file = demoCopy();
        Path data = dir.resolve("target/kiosk-data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("kiosk.db"), "not a database at all, only some text for the header");
        Run r = run("--config", file.toString(), "selftest");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("OK   config").contains("FAIL database");
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
            assertThat(up.out()).as(up.out() + up.err()).contains("OK   mail      smtp 127.0.0.1:" + smtp.getSmtp().getPort());
            smtp.stop();
            Run down = run("--config", file.toString(), "selftest");
            assertThat(down.exit()).isEqualTo(1);
            assertThat(down.out()).contains("FAIL mail", "cannot be reached");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void hashPinPrintsAHashTheKioskAccepts() {
        InputStream before = System.in;
        try {
            System.setIn(new ByteArrayInputStream("246801\n".getBytes(StandardCharsets.UTF_8)));
            Run r = run("hash-pin");
            assertThat(r.exit()).isZero();
            String phc = r.out().strip();
            assertThat(SlowHash.isWellFormed(phc)).isTrue();
            assertThat(SlowHash.verify("246801".toCharArray(), phc)).isTrue();

            for (String refused : new String[] {"12ab56", "24680"}) {
                System.setIn(new ByteArrayInputStream((refused + "\n").getBytes(StandardCharsets.UTF_8)));
                Run bad = run("hash-pin");
                assertThat(bad.exit()).as(refused).isEqualTo(1);
                assertThat(bad.out()).isEmpty();
                assertThat(bad.err()).contains("6 to 12 digits");
            }
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void centralServesTheRosterUntilStopped() throws Exception {
        Path config = demoCopy();
        Path data = dir.resolve("central-data");
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int[] exit = {-1};
        Thread running = new Thread(() -> exit[0] = cl.execute("--config", config.toString(), "central", "--port", "0",
                "--data", data.toString(), "--device-token", "cli-test-token", "--roster",
                config.resolveSibling("demo-roster.csv").toString()), "central-cli-test");
        running.start();
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!out.toString().contains("listening on") && running.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("^central server listening on (http://127\\.0\\.0\\.1:(\\d+))$", java.util.regex.Pattern.MULTILINE)
                    .matcher(out.toString());
            assertThat(m.find()).as(out + " / " + err).isTrue();
            assertThat(Integer.parseInt(m.group(2))).isPositive();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> roster = http.send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(m.group(1) + "/v1/roster"))
                    .header("Authorization", "Bearer cli-test-token").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(roster.statusCode()).isEqualTo(200);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(roster.body()).get("entries"))
                    .hasSize((int) Files.lines(config.resolveSibling("demo-roster.csv")).count() - 1);
            java.net.http.HttpResponse<String> demoToken = http.send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(m.group(1) + "/v1/roster"))
                    .header("Authorization", "Bearer demo-device-token").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(demoToken.statusCode()).isEqualTo(401);
            assertThat(Files.exists(data.resolve("central.db"))).isTrue();
        } finally {
            running.interrupt();
            running.join(10_000);
        }
        assertThat(running.isAlive()).isFalse();
        assertThat(exit[0]).as(err.toString()).isZero();
    }

    @Test
    void aLostDatabaseStopsTheCommandWithOneLineNamingTheFile() throws Exception {
        Path config = demoCopy();
        assertThat(run("--config", config.toString(), "queue").exit()).isZero();
        Path data = dir.resolve("target/kiosk-data");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(data.resolve("kiosk.db" + suffix));
        }

        Run r = run("--config", config.toString(), "queue");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("queue: the database " + data.resolve("kiosk.db") + " is missing although this kiosk has"
                        + " used it");
        assertThat(data.resolve("kiosk.db")).doesNotExist();
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        Run r = run("frobnicate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument");
    }
}
