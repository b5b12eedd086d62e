package jp.kenpo.kiosk.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jp.kenpo.kiosk.app.config.ConfigException;
import jp.kenpo.kiosk.app.config.ConfigLoader;
import jp.kenpo.kiosk.core.config.CameraSettings;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.config.KioskSettings;
import jp.kenpo.kiosk.core.config.MailSettings;

/** The project's own demo configuration, with its data directory moved to a test's folder. */
public final class TestConfigs {

    public static final Path DEMO = Path.of("kiosk-config", "kiosk.yaml");

    private TestConfigs() {
    }

    /** The same configuration with other mail settings (and demo mode on or off). */
    public static KioskConfig withMail(KioskConfig c, MailSettings mail, boolean demo) {
        KioskSettings k = c.kiosk();
        return new KioskConfig(c.baseDir(), new KioskSettings(k.id(), k.dataDir(), k.languages(), demo), c.display(),
                c.timeouts(), c.unions(), c.consents(), c.staff(), c.camera(), mail, c.central(), c.roster(),
                c.documentMasks());
    }

    /** The same configuration with another camera (for example a test's virtual camera folder). */
    public static KioskConfig withCamera(KioskConfig c, CameraSettings camera) {
        return new KioskConfig(c.baseDir(), c.kiosk(), c.display(), c.timeouts(), c.unions(), c.consents(), c.staff(),
                camera, c.mail(), c.central(), c.roster(), c.documentMasks());
    }

    /** SMTP in clear to a loopback port, as a test mail server offers it. */
    public static MailSettings smtp(int port, int timeoutSeconds) {
        return new MailSettings("smtp", null, "127.0.0.1", port, "none", null, null, "no-reply@demo.kenpo.example",
                timeoutSeconds);
    }

    public static KioskConfig demo(Path dataDir) {
        try {
            return new ConfigLoader(Map.of("KIOSK_DATA_DIR", dataDir.toAbsolutePath().toString())::get).load(DEMO);
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A copy of the demo configuration (all of kiosk-config/) in {@code dir}; its data lives in {@code dir/target/kiosk-data}. */
    public static Path demoCopy(Path dir) throws Exception {
        Path source = Path.of("kiosk-config");
        Path cfg = dir.resolve("kiosk-config");
        try (var files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = cfg.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return cfg.resolve("kiosk.yaml");
    }
}
