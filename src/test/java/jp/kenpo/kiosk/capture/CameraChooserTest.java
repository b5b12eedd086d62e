package jp.kenpo.kiosk.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.core.config.CameraSettings;
import jp.kenpo.kiosk.core.port.CameraTest;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteSettingsRepository;

/** Staff's choice of camera: kept in the settings table, used over camera.source, also after a restart. */
class CameraChooserTest {

    @TempDir
    Path dir;

    private final CameraSettings configured = new CameraSettings("virtual:demo-camera", 640, 360, 15, 5, 45);

    private CameraChooser chooser(SqliteSettingsRepository settings, CameraService service, List<String> usb) {
        return new CameraChooser(service, settings, configured, CameraChooser.sourceAtStart(settings, configured),
                s -> dir.resolve(s.substring("virtual:".length())), null, () -> usb);
    }

    @Test
    void theChosenCameraIsKeptAndUsedAfterARestart() throws Exception {
        SqliteSettingsRepository settings = new SqliteSettingsRepository(Database.open(dir.resolve("data")),
                Clock.systemUTC());
        try (CameraService service = new CameraService(new VirtualCamera(dir.resolve("demo-camera"), 640, 360, 15),
                configured)) {
            CameraChooser c = chooser(settings, service, List.of("USB Camera A", "USB Camera B"));
            assertThat(c.source()).isEqualTo("virtual:demo-camera");
            assertThat(c.cameras()).containsExactly(new CameraTest.Choice("device:USB Camera A", "USB Camera A"),
                    new CameraTest.Choice("device:USB Camera B", "USB Camera B"),
                    new CameraTest.Choice("virtual:demo-camera", "demo-camera"));

            c.choose("virtual:other-folder");
            assertThat(c.source()).isEqualTo("virtual:other-folder");
            assertThat(service.describe()).contains("other-folder");
            assertThatThrownBy(() -> c.choose("http://camera")).isInstanceOf(IllegalArgumentException.class);
        }

        // A restart: a new database connection, a new service.
        SqliteSettingsRepository reopened = new SqliteSettingsRepository(Database.open(dir.resolve("data")),
                Clock.systemUTC());
        assertThat(reopened.get(CameraChooser.SETTING)).contains("virtual:other-folder");
        assertThat(CameraChooser.sourceAtStart(reopened, configured)).isEqualTo("virtual:other-folder");
        try (CameraService service = new CameraService(new VirtualCamera(dir.resolve("demo-camera"), 640, 360, 15),
                configured)) {
            assertThat(chooser(reopened, service, List.of()).cameras()).extracting(CameraTest.Choice::source)
                    .containsExactly("virtual:demo-camera", "virtual:other-folder");
        }
    }

    @Test
    void aKeptValueThatNamesNoCameraIsIgnored() throws Exception {
        SqliteSettingsRepository settings = new SqliteSettingsRepository(Database.open(dir), Clock.systemUTC());
        settings.put(CameraChooser.SETTING, "usb:0");
        assertThat(CameraChooser.sourceAtStart(settings, configured)).isEqualTo("virtual:demo-camera");
    }
}
