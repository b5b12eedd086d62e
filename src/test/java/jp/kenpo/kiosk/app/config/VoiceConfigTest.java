package jp.kenpo.kiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.core.config.KioskConfig;

/** {@code voice:} in kiosk.yaml: on by default, a site may turn it off, the volume is a fraction. */
class VoiceConfigTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of("KIOSK_DEVICE_TOKEN", "from-env")::get);

    @Test
    void voiceIsOnUnlessTheSiteTurnsItOff() throws Exception {
        KioskConfig none = loader.load(ConfigLoaderTest.write(dir, ConfigLoaderTest.valid()));
        assertThat(none.voice().enabled()).isTrue();
        assertThat(none.voice().volume()).isEqualTo(0.8);
        assertThat(none.voice().command()).isNull();

        KioskConfig off = loader.load(ConfigLoaderTest.write(dir, ConfigLoaderTest.valid()
                + "voice:\n  enabled: false\n  volume: 0.5\n"));
        assertThat(off.voice().enabled()).isFalse();
        assertThat(off.voice().volume()).isEqualTo(0.5);
    }

    @Test
    void aVolumeAboveFullAndACommandWithoutItsOutputAreRefused() throws IOException {
        Path file = ConfigLoaderTest.write(dir, ConfigLoaderTest.valid()
                + "voice:\n  volume: 80\n  command: \"espeak-ng -v ja {text}\"\n");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0)).contains("'voice.volume' must be between 0 and 1");
        assertThat(e.problems().get(1)).contains("{out}");
    }
}
