package jp.kenpo.kiosk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import jp.kenpo.kiosk.app.SiteStaffAlert;

/**
 * The kiosk's sound player: a sound that cannot be played is said once in the log and never
 * reaches the member; a kiosk without a sound device (as the headless tests run) goes silent with
 * one line in the log, not a stack trace on standard error.
 */
class SoundPlayerTest {

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler before;
    private SoundPlayer player;

    @BeforeEach
    void setUp() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(SoundPlayer.class)).addAppender(logs);
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        player = new SoundPlayer();
    }

    @AfterEach
    void tearDown() {
        player.close();
        Thread.setDefaultUncaughtExceptionHandler(before);
        ((Logger) LoggerFactory.getLogger(SoundPlayer.class)).detachAppender(logs);
    }

    private List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void aMissingFileOrOneThatIsNotAudioIsLoggedOnceEachAndNeverThrows() throws Exception {
        Path missing = dir.resolve("missing.wav");
        Path notAudio = Files.writeString(dir.resolve("call.wav"), "not audio");
        for (int i = 0; i < 3; i++) {
            assertThatCode(() -> {
                player.play(missing.toUri(), 0.8);
                player.play(notAudio.toUri(), 0.8);
            }).doesNotThrowAnyException();
        }
        assertThat(player.idle(Duration.ofSeconds(20))).isTrue();
        assertThat(warnings()).hasSize(2);
        assertThat(warnings().get(0)).contains("missing.wav");
        assertThat(warnings().get(1)).contains("call.wav");
        assertThat(player.silent()).as("other sounds still play").isFalse();
        assertThat(uncaught).isEmpty();
    }

    /**
     * AudioClip starts clips on a thread it makes at its first play, in the thread group of the
     * caller; without a sound device that thread dies of an uncaught exception. Here such a thread,
     * made from the player's thread, dies the same way.
     */
    @Test
    void aFailureOnTheThreadThatStartsClipsSilencesThePlayerWithOneLineInTheLog() throws Exception {
        player.onSoundThread(() -> {
            Thread scheduler = new Thread(() -> {
                throw new IllegalStateException("Could not create player!");
            });
            scheduler.start();
        }).get(10, TimeUnit.SECONDS);
        awaitSilent(Duration.ofSeconds(10));
        assertThat(player.silent()).isTrue();
        assertThat(warnings()).singleElement().asString().contains("no sound", "Could not create player!");
        assertThat(uncaught).as("nothing reaches standard error").isEmpty();

        player.play(dir.resolve("missing.wav").toUri(), 0.8);
        assertThat(player.idle(Duration.ofSeconds(10))).isTrue();
        assertThat(warnings()).as("silent: nothing more is tried").hasSize(1);
    }

    /**
     * The kiosk's own chime, for real: it plays where there is a sound device; where there is none
     * (this machine's headless tests, under Monocle) the player goes silent with one line in the log.
     * Either way nothing is thrown and nothing reaches standard error.
     */
    @Test
    void theChimePlaysOrTheMissingDeviceIsOneLineInTheLog() throws Exception {
        Path chime = Files.write(dir.resolve("chime.wav"), SiteStaffAlert.chime());
        player.play(chime.toUri(), 0.5);
        player.play(chime.toUri(), 0.5);
        assertThat(player.idle(Duration.ofSeconds(30))).isTrue();
        awaitSilent(Duration.ofSeconds(5));
        assertThat(warnings()).hasSizeLessThanOrEqualTo(1);
        if (player.silent()) {
            assertThat(warnings()).singleElement().asString().contains("no sound");
        }
        assertThat(uncaught).isEmpty();
    }

    @Test
    void volumeZeroPlaysNothing() throws Exception {
        player.play(dir.resolve("missing.wav").toUri(), 0.0);
        assertThat(player.idle(Duration.ofSeconds(10))).isTrue();
        assertThat(warnings()).as("the file is not even looked at").isEmpty();
    }

    /** Waits for the player to go silent, at most {@code within} (a poll, not a fixed pause). */
    private void awaitSilent(Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!player.silent() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }
}
