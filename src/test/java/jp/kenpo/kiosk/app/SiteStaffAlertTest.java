package jp.kenpo.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.core.config.StaffSettings;
import jp.kenpo.kiosk.ui.common.SoundPlayer;

/** The call for staff: the kiosk's own chime, and the site's command, whose failure stays in the log. */
class SiteStaffAlertTest {

    @TempDir
    Path dir;

    private final SoundPlayer player = new SoundPlayer();

    @AfterEach
    void closePlayer() {
        player.close();
    }

    private static StaffSettings withCommand(List<String> command) {
        return new StaffSettings(null, "x", null, null, null, null, null, 0.0, command);
    }

    @Test
    void theChimeIsAShortWavMadeByTheKiosk() throws Exception {
        byte[] wav = SiteStaffAlert.chime();
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat f = in.getFormat();
            assertThat(f.getChannels()).isEqualTo(1);
            assertThat(f.getSampleSizeInBits()).isEqualTo(16);
            double seconds = in.getFrameLength() / f.getFrameRate();
            assertThat(seconds).isBetween(0.5, 1.0);
        }
    }

    @Test
    void theSiteCommandRunsWithTheStepAndItsFailureIsOnlyLogged() throws Exception {
        Path mark = dir.resolve("called");
        new SiteStaffAlert(withCommand(List.of("sh", "-c", "echo \"$0\" > '" + mark + "'")), null, player)
                .call("FACE_ANGLE");
        assertThat(Files.readString(mark).strip()).isEqualTo("FACE_ANGLE");

        assertThatCode(() -> new SiteStaffAlert(withCommand(List.of(dir.resolve("no-such-program").toString())), null, player)
                .call("ACCOUNT")).doesNotThrowAnyException();
        assertThatCode(() -> new SiteStaffAlert(withCommand(List.of("sh", "-c", "exit 3")), null, player).call("ACCOUNT"))
                .doesNotThrowAnyException();
        // A sound file that cannot be played (no device, or not audio) is logged by the player (SoundPlayerTest).
        Path notAudio = Files.writeString(dir.resolve("call.wav"), "not audio");
        assertThatCode(() -> new SiteStaffAlert(new StaffSettings(null, "x", null, null, null, null, null, 1.0,
                null), notAudio, player).call("ACCOUNT")).doesNotThrowAnyException();
    }
}
