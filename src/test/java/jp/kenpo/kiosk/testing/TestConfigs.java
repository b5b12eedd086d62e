package jp.kenpo.kiosk.testing;

import java.nio.file.Path;
import java.util.Map;

import jp.kenpo.kiosk.app.config.ConfigException;
import jp.kenpo.kiosk.app.config.ConfigLoader;
import jp.kenpo.kiosk.core.config.KioskConfig;

/** The project's own demo configuration, with its data directory moved to a test's folder. */
public final class TestConfigs {

    public static final Path DEMO = Path.of("kiosk-config", "kiosk.yaml");

    private TestConfigs() {
    }

    public static KioskConfig demo(Path dataDir) {
        try {
            return new ConfigLoader(Map.of("KIOSK_DATA_DIR", dataDir.toAbsolutePath().toString())::get).load(DEMO);
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
