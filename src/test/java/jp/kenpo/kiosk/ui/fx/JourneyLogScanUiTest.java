package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.app.LogFiles;
import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.sync.CentralClient;
import jp.kenpo.kiosk.sync.SyncWorker;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.testing.TestConfigs;
import jp.kenpo.kiosk.testing.Unsealer;

/**
 * A whole journey on the demo configuration, written to the real log file below the data
 * directory, then delivered to a reference central server that refuses it with hostile text (a
 * line of its own, the member's address): the file holds none of what the member entered — name,
 * kana, birthdate, email, card number, password, secret question and answer, the one-time code —
 * and every line is a line the kiosk wrote.
 */
class JourneyLogScanUiTest extends KioskFxHarness {

    static final String EMAIL = "kenkou.taro@example.jp";
    static final String FORGED = "2026-12-01 01:00:00,000 INFO  [kiosk] SyncWorker - K07-0001 delivered";
    /** A line as the log file's pattern writes it: time, level, session, logger, message. */
    static final Pattern LINE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR) \\[[^\\]]+\\] \\S+ - .*");

    Path logs;

    @Override
    protected KioskConfig config(Path dataDir) {
        // The log file is started before the kiosk is built, as Main does, so that it sees everything.
        logs = dataDir.resolve("logs");
        try {
            LogFiles.writeTo(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestConfigs.demo(dataDir);
    }

    @AfterEach
    void stopLogFile() {
        LogFiles.stop();
    }

    @Test
    void aWholeJourneyLeavesNoMemberDataInTheLog() throws Exception {
        toAccount();
        fillAccount(EMAIL);
        String code = verifyEmail();
        photographAndSetTheSecretQuestion();
        clickOn("#submit");
        waitFor("#screen-done", 10);

        refusedByAHostileCentralService();
        clickOn("#done-finish");
        assertScreen("screen-welcome");

        String log = Files.readString(logs.resolve(LogFiles.FILE_NAME));
        assertThat(log).as("the log tells the journey").contains("session started", "step ", "session ended",
                "K07-0001 refused by the central service (409)");
        List<String> entered = List.of("ケンコウ　タロウ", "ケンコウ", "タロウ", "ｹﾝｺｳ", "kenkou", EMAIL,
                "@example.jp", "1956-04-01", "1956/04/01", "31年4月1日", "Midori7!s", "スキナイロ", "ミドリ");
        for (String s : entered) {
            assertThat(log).as("the log holds '%s'", s).doesNotContain(s);
        }
        for (String number : List.of("200001", "19560401", code)) {
            assertThat(Pattern.compile("(?<!\\d)" + number + "(?!\\d)").matcher(log).find())
                    .as("the log holds the number %s", number).isFalse();
        }
        assertThat(log.lines()).as("every line is one the kiosk wrote").isNotEmpty()
                .allSatisfy(l -> assertThat(l).matches(LINE).doesNotStartWith(FORGED));
    }

    /** Delivers the queued registration to a reference server that refuses it with a forged line and the address. */
    private void refusedByAHostileCentralService() throws Exception {
        String id;
        try (Connection c = kiosk.database().connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT registration_id FROM outbox")) {
            assertThat(rs.next()).isTrue();
            id = rs.getString(1);
        }
        String token = kiosk.config().central().deviceToken();
        try (CentralServer server = CentralServer.start(CentralServer.Options.of(dataDir.resolve("hostile-central"),
                Unsealer.demoKey(), kiosk.config().central().keyId()).withDeviceTokens(Set.of(token)))) {
            server.reject(id, 409, "already_registered\n" + FORGED + " to " + EMAIL);
            try (SyncWorker worker = new SyncWorker(new SqliteOutbox(kiosk.database()),
                    new CentralClient(server.url(), token, null, Duration.ofSeconds(20)), clock, new SeededRandom(1),
                    SyncWorker.Policy.standard(), null, kiosk.config().kiosk().id(), () -> true)) {
                assertThat(worker.runOnce().rejected()).isEqualTo(1);
            }
        }
    }
}
