package jp.kenpo.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import jp.kenpo.kiosk.testing.Commands.Run;
import static jp.kenpo.kiosk.testing.Commands.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import jp.kenpo.kiosk.testing.TestConfigs;
import picocli.CommandLine;

/**
 * Where the log is written: below the data directory, or in the folder named with {@code --log-dir};
 * never in a shared temporary folder — with no configuration and no {@code --log-dir}, nowhere but
 * standard error. One line per event, whatever the message holds.
 */
class LogFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    @AfterEach
    void noLogFile() {
        LogFiles.stop();
    }


    static List<Appender<ILoggingEvent>> rootAppenders(LoggerContext ctx) {
        List<Appender<ILoggingEvent>> all = new ArrayList<>();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(all::add);
        return all;
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void theShippedLoggingConfigurationWritesNoFileOfItsOwn() throws Exception {
        LoggerContext ctx = new LoggerContext();
        JoranConfigurator jc = new JoranConfigurator();
        jc.setContext(ctx);
        jc.doConfigure(LogFiles.class.getResource("/logback.xml"));
        List<Appender<ILoggingEvent>> appenders = rootAppenders(ctx);
        assertThat(appenders).isNotEmpty().noneMatch(a -> a instanceof FileAppender);
        ctx.stop();
    }

    @Test
    void aCommandWithoutConfigurationLogsToNoFile() throws Exception {
        Run r = run("analyze", "card", dir.resolve("missing.png").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(LogFiles.current()).isEmpty();
        assertThat(rootAppenders((LoggerContext) LoggerFactory.getILoggerFactory()))
                .noneMatch(a -> a instanceof FileAppender);
    }

    @Test
    void aCommandWithoutConfigurationLogsToAnExplicitFolder() throws Exception {
        Path logs = dir.resolve("chosen/logs");
        Run r = run("--log-dir", logs.toString(), "analyze", "card", dir.resolve("missing.png").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(LogFiles.current()).contains(logs.toAbsolutePath());
        assertThat(logs.resolve("kiosk.log")).exists();
    }

    @Test
    void aConfiguredCommandLogsBelowTheDataDirectory() throws Exception {
        Path cfg = TestConfigs.demoCopy(dir);
        Run r = run("--config", cfg.toString(), "queue");
        assertThat(r.exit()).as(r.err()).isZero();
        Path data = dir.resolve("target/kiosk-data");
        assertThat(LogFiles.current()).contains(data.resolve("logs").toAbsolutePath());
        LoggerFactory.getLogger(LogFilesTest.class).info("a line for the file");
        assertThat(Files.readString(data.resolve("logs/kiosk.log"))).contains("LogFilesTest - a line for the file");
        if (posix()) {
            assertThat(mode(data.resolve("logs"))).isEqualTo("rwx------");
            assertThat(mode(data.resolve("logs/kiosk.log"))).isEqualTo("rw-------");
        }
    }

    @Test
    void anExplicitFolderWinsOverTheDataDirectory() throws Exception {
        Path cfg = TestConfigs.demoCopy(dir);
        Path logs = dir.resolve("elsewhere");
        Run r = run("--config", cfg.toString(), "--log-dir", logs.toString(), "queue");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(LogFiles.current()).contains(logs.toAbsolutePath());
        assertThat(dir.resolve("target/kiosk-data/logs")).doesNotExist();
    }

    @Test
    void anUnusableFolderIsSaidOnceAndTheCommandStillRuns() throws Exception {
        Path cfg = TestConfigs.demoCopy(dir);
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Run r = run("--config", cfg.toString(), "--log-dir", file.toString(), "queue");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).containsOnlyOnce("the log folder " + file + " cannot be used").contains("standard error only");
        assertThat(LogFiles.current()).isEmpty();
    }

    @Test
    void theApplicationTakesTheLogFolderAsAParameter() {
        assertThat(KioskApp.logDirOption(Map.of(), List.of("--windowed", "--log-dir", "/var/log/kiosk")))
                .isEqualTo(Path.of("/var/log/kiosk"));
        assertThat(KioskApp.logDirOption(Map.of("log-dir", "/srv/logs"), List.of("--log-dir=/srv/logs")))
                .isEqualTo(Path.of("/srv/logs"));
        assertThat(KioskApp.logDirOption(Map.of(), List.of("--windowed"))).isNull();
        assertThat(LogFiles.folder(null, Path.of("/data"))).isEqualTo(Path.of("/data/logs"));
        assertThat(LogFiles.folder(Path.of("/x"), Path.of("/data"))).isEqualTo(Path.of("/x"));
    }

    @Test
    void everyEventIsOneLineWithNoAddressInTheFile() throws Exception {
        LogFiles.writeTo(dir.resolve("logs"));
        org.slf4j.Logger log = LoggerFactory.getLogger(LogFilesTest.class);
        log.warn("answer: {}", "409 taken\n2026-12-01 01:00:00,000 INFO  [kiosk] Shell - forged for taro@example.jp");
        log.info("second");
        List<String> lines = Files.readAllLines(dir.resolve("logs/kiosk.log"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("LogFilesTest - answer: 409 taken 2026-12-01 01:00:00,000 INFO  [kiosk] "
                + "Shell - forged for [address]");
        assertThat(lines.get(1)).endsWith("LogFilesTest - second");
    }
}
