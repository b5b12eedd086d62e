package jp.kenpo.kiosk.app;

import java.io.IOException;
import java.time.Clock;
import java.util.function.Consumer;

import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.central.DemoSignups;
import jp.kenpo.kiosk.central.ResumeTokenIssuer;
import jp.kenpo.kiosk.central.Unsealer;
import jp.kenpo.kiosk.core.config.CentralSettings;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.text.LogText;
import jp.kenpo.kiosk.store.RosterCsvImporter;
import jp.kenpo.kiosk.store.SqliteRosterRepository;
import jp.kenpo.kiosk.store.StoreException;

/**
 * The demonstration's material at the kiosk's start: the seed roster, the embedded reference central
 * server and the app-started signup's resume code. Outside a demonstration configuration none of it
 * does anything.
 */
final class Demo {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Demo.class);

    private Demo() {
    }

    /**
     * The demo's reference central server on the loopback port of {@code central.url}, when configured;
     * {@code started} learns it, to close it with the kiosk.
     */
    static void startEmbeddedCentral(KioskConfig config, Clock clock, Consumer<CentralServer> started) {
        CentralSettings.Embedded e = config.central().embedded();
        if (e == null) {
            return;
        }
        try {
            java.net.URI url = java.net.URI.create(config.central().url());
            CentralServer embedded = CentralServer.start(CentralServer.Options
                    .of(config.resolve(e.dataDir()), Unsealer.readPrivateKey(config.resolve(e.privateKeyFile())),
                            config.central().keyId())
                    .withPort(url.getPort())
                    .withDeviceTokens(java.util.Set.of(config.central().deviceToken())));
            started.accept(embedded);
            LOG.info("embedded reference central server started on {} (demonstration)", embedded.url());
            demoResumeCode(config, clock, embedded);
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException ex) {
            LOG.warn("the embedded central server did not start ({}); registrations wait in the outbox",
                    LogText.of(ex));
        }
    }

    /**
     * The demonstration's app-started signup: a fresh token for the first union, its draft offered by the
     * embedded server, its QR code among the pictures the kiosk makes for its virtual camera
     * ({@code <data>/virtual-camera/qr/}, played where the camera's own folder has no {@code qr/} pictures;
     * the configuration folder is read-only to an installed kiosk). The token expires; a new one is made at
     * every start.
     */
    private static void demoResumeCode(KioskConfig config, Clock clock, CentralServer server) {
        java.nio.file.Path cameraDir = virtualCameraDir(config);
        if (!config.kiosk().demo() || cameraDir == null || config.unions().isEmpty()) {
            return;
        }
        try {
            String insurer = config.unions().get(0).insurerNumber();
            ResumeTokenIssuer.Issued t = ResumeTokenIssuer.of(ResumeTokenIssuer.DEMO_KID,
                    ResumeTokenIssuer.readPrivateKey(config.resolve(ResumeTokenIssuer.DEMO_PRIVATE_KEY)), clock)
                    .issue(jp.kenpo.kiosk.core.resume.ResumeStep.ACCOUNT_CREATED, insurer, ResumeTokenIssuer.DEFAULT_VALIDITY);
            server.addSignup(t.rid(), DemoSignups.draft(t.step(), insurer, false), t.expires());
            DemoSignups.writeQrPng(t.text(), Kiosk.demoQr(config), config.camera().width(), config.camera().height());
            forgetOldCode(cameraDir);
            LOG.info("demonstration resume code written for the virtual camera");
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException ex) {
            LOG.warn("the demonstration resume code was not made ({})", LogText.of(ex));
        }
    }

    /** An older kiosk wrote its code into the camera's own folder, where it would now hide the fresh one. */
    private static void forgetOldCode(java.nio.file.Path cameraDir) {
        try {
            java.nio.file.Files.deleteIfExists(cameraDir.resolve("qr").resolve(Kiosk.DEMO_QR));
        } catch (IOException | RuntimeException ex) {
            LOG.debug("an older demonstration code stays ({})", LogText.of(ex));
        }
    }

    /** The folder of the configured {@code virtual:DIR} camera, or {@code null} for a USB camera. */
    static java.nio.file.Path virtualCameraDir(KioskConfig config) {
        return config.virtualCameraDir(config.camera().source());
    }

    /** A demonstration roster, imported once into an empty roster. */
    static void seedRoster(KioskConfig config, SqliteRosterRepository roster) throws StoreException {
        String seed = config.roster().seedFile();
        if (seed == null || seed.isBlank() || roster.count() > 0) {
            return;
        }
        try {
            RosterCsvImporter.Report r = new RosterCsvImporter(config, roster).importFile(config.resolve(seed));
            if (r.ok()) {
                LOG.info("demo roster imported: {} entries", r.imported());
            } else {
                LOG.warn("demo roster {} not imported: {}", seed, LogText.clean(String.join("; ", r.problems()), 1000));
            }
        } catch (IOException | java.sql.SQLException e) {
            throw new StoreException("the roster seed " + seed + " cannot be imported: " + e.getMessage(), e);
        }
    }
}
