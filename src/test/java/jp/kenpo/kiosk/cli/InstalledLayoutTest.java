package jp.kenpo.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.app.LogFiles;
import jp.kenpo.kiosk.testing.Commands;
import jp.kenpo.kiosk.testing.TestConfigs;

/**
 * The installed launcher names its configuration with {@code -Dkiosk.config=/etc/kenpo-kiosk/kiosk.yaml}
 * (packaging/build.sh), so that the administrator's commands need no {@code --config}; an explicit
 * {@code --config} still wins.
 */
class InstalledLayoutTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("kiosk.config");
        LogFiles.stop();
    }

    @Test
    void theConfigurationNamedByTheLauncherIsUsedWithoutConfigOption() throws Exception {
        Path config = TestConfigs.demoCopy(dir);
        System.setProperty("kiosk.config", config.toString());
        Commands.Run run = Commands.run("queue");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("kiosk K07: 0 held");
        assertThat(dir.resolve("target/kiosk-data/kiosk.db")).exists();
        assertThat(Files.isDirectory(dir.resolve("target/kiosk-data/logs"))).isTrue();
    }

    @Test
    void anExplicitConfigWinsOverTheLaunchersOne() throws Exception {
        System.setProperty("kiosk.config", dir.resolve("nowhere/kiosk.yaml").toString());
        Path config = TestConfigs.demoCopy(dir);
        Commands.Run run = Commands.run("--config", config.toString(), "queue");
        assertThat(run.exit()).as(run.err()).isZero();
        Commands.Run without = Commands.run("queue");
        assertThat(without.exit()).isEqualTo(2);
        assertThat(without.err()).contains(dir.resolve("nowhere/kiosk.yaml").toString());
    }
}
