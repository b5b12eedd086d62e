package jp.kenpo.kiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jp.kenpo.kiosk.app.Kiosk;
import jp.kenpo.kiosk.core.config.ConsentText;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.port.MailSender;
import jp.kenpo.kiosk.mail.SmtpMailSender;
import jp.kenpo.kiosk.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code selftest}: checks what the kiosk needs and prints one line per check, {@code OK} or
 * {@code FAIL} with the reason; the exit code is 1 when any check failed.
 */
@Command(name = "selftest", description = "Check the configuration, database and devices; one line per check.")
public final class SelftestCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    record Check(String name, boolean ok, String detail) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KioskConfig config = main.loadConfig(err);
        List<Check> checks = new ArrayList<>();
        if (config == null) {
            checks.add(new Check("config", false, "see the lines above"));
        } else {
            checks.add(new Check("config", true, main.configFile() + ": " + config.unions().size() + " union(s), kiosk "
                    + config.kiosk().id()));
            checks.add(database(config));
            checks.add(consents(config));
            checks.add(camera(config));
            checks.add(mail(config));
            checks.add(central(config));
            checks.add(voice(config));
        }
        boolean allOk = true;
        for (Check c : checks) {
            out.printf("%-4s %-9s %s%n", c.ok ? "OK" : "FAIL", c.name, c.detail);
            allOk &= c.ok;
        }
        out.flush();
        return allOk ? 0 : 1;
    }

    private static Check database(KioskConfig config) {
        try {
            Database db = Database.open(config.dataDir());
            String integrity = db.integrityCheck();
            boolean ok = "ok".equals(integrity);
            return new Check("database", ok, db.file() + ": schema " + db.schemaVersion()
                    + (ok ? ", integrity ok" : ", integrity: " + integrity));
        } catch (Exception e) {
            return new Check("database", false, e.getMessage());
        }
    }

    /** Loads the consent texts exactly as the kiosk does at start-up. */
    private static Check consents(KioskConfig config) {
        try {
            List<ConsentText> texts = Kiosk.consentTexts(config);
            int chars = texts.stream().mapToInt(t -> t.body().ja().length()).sum();
            return new Check("consents", true, texts.size() + " document(s), " + chars + " characters");
        } catch (IOException e) {
            return new Check("consents", false, e.getMessage());
        }
    }

    /** Opens the configured camera and waits for one frame, as a preview would. */
    private static Check camera(KioskConfig config) {
        String source = config.camera().source();
        java.nio.file.Path dir = config.virtualCameraDir(source);
        long t0 = System.nanoTime();
        try (jp.kenpo.kiosk.capture.Camera camera = jp.kenpo.kiosk.capture.CameraService.camera(config.camera(), dir,
                jp.kenpo.kiosk.capture.VirtualCamera.made(config.dataDir()))) {
            camera.open();
            org.opencv.core.Mat frame = new org.opencv.core.Mat();
            try {
                if (!camera.grab(frame, jp.kenpo.kiosk.core.port.CameraRequest.CARD_FRONT)) {
                    return new Check("camera", false, camera.describe() + " opened but delivered no picture");
                }
                return new Check("camera", true, camera.describe() + ", first picture " + frame.cols() + "x"
                        + frame.rows() + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            } finally {
                frame.release();
            }
        } catch (jp.kenpo.kiosk.capture.CameraException e) {
            return new Check("camera", false, e.getMessage());
        }
    }

    private static Check mail(KioskConfig config) {
        if ("folder".equals(config.mail().mode())) {
            Path dir = config.resolve(config.mail().folder());
            try {
                jp.kenpo.kiosk.store.PrivateFiles.folder(dir);
                return new Check("mail", Files.isWritable(dir), "mail written as files to " + dir);
            } catch (IOException e) {
                return new Check("mail", false, dir + ": " + e.getMessage());
            }
        }
        try {
            new SmtpMailSender(config.mail(), java.time.Clock.systemUTC()).probe();
            return new Check("mail", true, "smtp " + config.mail().host() + ":" + config.mail().port() + " ("
                    + config.mail().security() + ") answers");
        } catch (MailSender.MailException e) {
            return new Check("mail", false, e.getMessage());
        }
    }

    /** Whether the kiosk speaks: voice off is not a failure, the kiosk then runs silently. */
    static Check voice(KioskConfig config) {
        java.util.Properties index = jp.kenpo.kiosk.app.ClipPlayer.index();
        if (!config.voice().enabled()) {
            return new Check("voice", true, "off (voice.enabled: false)");
        }
        if (config.voice().command() != null) {
            java.nio.file.Path made = jp.kenpo.kiosk.app.VoiceSynthesis.folder(config.dataDir());
            return new Check("voice", true, "on, Japanese spoken with voice.command ("
                    + config.voice().command().split("\\s+")[0] + "), clips made at start in " + made
                    + ("true".equals(index.getProperty("built")) ? "; the built clips meanwhile" : ""));
        }
        if (!"true".equals(index.getProperty("built"))) {
            return new Check("voice", true, "off: no voice clips in this build ("
                    + index.getProperty("reason", "not made") + "); the kiosk runs silently");
        }
        return new Check("voice", true, "on, " + index.getProperty("count") + " clips ("
                + index.getProperty("languages") + "), volume " + config.voice().volume());
    }

    /** The central service answers a heartbeat with this kiosk's credential (or, in the demo, its own server can start). */
    private static Check central(KioskConfig config) {
        var embedded = config.central().embedded();
        if (embedded != null) {
            try {
                jp.kenpo.kiosk.central.Unsealer.readPrivateKey(config.resolve(embedded.privateKeyFile()));
                return new Check("central", true, "embedded reference server on " + config.central().url()
                        + " (demonstration; it starts with the kiosk)");
            } catch (IOException | java.security.GeneralSecurityException e) {
                return new Check("central", false, "the embedded server's key cannot be used: " + e.getMessage());
            }
        }
        try {
            int status = Kiosk.centralClient(config).heartbeat(java.util.Map.of("kioskId", config.kiosk().id()));
            String url = config.central().url();
            return switch (status) {
                case 204, 200 -> new Check("central", true, url + " answers (heartbeat recorded)");
                case 401, 403 -> new Check("central", false, url + " refused this kiosk's device credential (" + status + ")");
                case -1 -> new Check("central", false, url + " cannot be reached");
                default -> new Check("central", false, url + " answered " + status);
            };
        } catch (IOException e) {
            return new Check("central", false, e.getMessage());
        }
    }
}
