package jp.kenpo.kiosk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which camera sources are virtual and where their folder is, read the same way by every part of the kiosk. */
class CameraSourceTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            // source,                     virtual, folder as written,    resolved (configuration in /etc/kenpo-kiosk)
            "virtual:demo-camera,          true,    demo-camera,          /etc/kenpo-kiosk/demo-camera",
            "virtual:../pictures/./cam,    true,    ../pictures/./cam,    /etc/pictures/cam",
            "virtual:/srv/frames,          true,    /srv/frames,          /srv/frames",
            "device:HD Pro Webcam C920,    false,   null,                 null",
            "index:0,                      false,   null,                 null",
            "Virtual:demo-camera,          false,   null,                 null",
            "null,                         false,   null,                 null",
    })
    void virtualSourcesAndTheirFolders(String source, boolean virtual, String folder, String resolved) {
        assertThat(CameraSettings.isVirtual(source)).isEqualTo(virtual);
        assertThat(CameraSettings.virtualFolder(source)).isEqualTo(folder);
        KioskConfig config = new KioskConfig(Path.of("/etc/kenpo-kiosk"), null, null, null, null, null, null,
                null, null, null, null, null);
        assertThat(config.virtualCameraDir(source)).isEqualTo(resolved == null ? null : Path.of(resolved));
    }
}
