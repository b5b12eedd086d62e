package jp.kenpo.kiosk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

import jp.kenpo.kiosk.capture.CameraChooser;
import jp.kenpo.kiosk.capture.CameraService;
import jp.kenpo.kiosk.capture.VirtualCamera;
import jp.kenpo.kiosk.capture.WebcamCamera;
import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.core.resume.ResumeKeys;
import jp.kenpo.kiosk.core.resume.ResumeTokenVerifier;
import jp.kenpo.kiosk.store.SqliteUsedResumeIds;
import jp.kenpo.kiosk.sync.SignupClaimer;
import jp.kenpo.kiosk.core.config.ConsentDocument;
import jp.kenpo.kiosk.core.config.ConsentText;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.config.LocalizedText;
import jp.kenpo.kiosk.core.flow.Flow;
import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.core.session.StaffGate;
import jp.kenpo.kiosk.core.port.MailSender;
import jp.kenpo.kiosk.core.roster.Eligibility;
import jp.kenpo.kiosk.core.roster.MarkUsedOnSubmit;
import jp.kenpo.kiosk.mail.FolderMailSender;
import jp.kenpo.kiosk.mail.OtpMailer;
import jp.kenpo.kiosk.mail.SmtpMailSender;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteRosterRepository;
import jp.kenpo.kiosk.store.SqliteAuditLog;
import jp.kenpo.kiosk.store.SqliteKioskCounts;
import jp.kenpo.kiosk.store.SqliteSettingsRepository;
import jp.kenpo.kiosk.store.StoreException;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.core.port.RegistrationSubmitter;
import jp.kenpo.kiosk.sync.CentralClient;
import jp.kenpo.kiosk.sync.CentralKey;
import jp.kenpo.kiosk.sync.RosterPuller;
import jp.kenpo.kiosk.sync.SealedSubmitter;
import jp.kenpo.kiosk.sync.Sealer;
import jp.kenpo.kiosk.sync.SyncWorker;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.SoundPlayer;
import jp.kenpo.kiosk.ui.shell.ShellServices;

/**
 * The composition root: the one place that builds the kiosk's parts from its configuration and
 * hands them over by constructor. Tests build it with their own {@link Clock} and random source.
 */
public final class Kiosk implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Kiosk.class);

    private final KioskConfig config;
    private final Clock clock;
    private final RandomSource random;
    private final Database database;
    private final ExecutorService background;
    private final ShellServices services;
    private final CameraService camera;
    private final SyncWorker sync;
    /** The kiosk's one sound player (AudioClip's thread is the process's): the staff call's chime. */
    private final SoundPlayer sounds = new SoundPlayer();
    private volatile CentralServer embedded;
    private final ClipPlayer voice;

    private Kiosk(KioskConfig config, Clock clock, RandomSource random) throws StoreException, IOException {
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.database = Database.open(config.dataDir());
        this.voice = new ClipPlayer(config.voice(),
                config.voice().command() == null ? null : VoiceSynthesis.folder(config.dataDir()));
        VoiceSynthesis.start(config.voice(), config.dataDir());
        this.background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "kiosk-background");
            t.setDaemon(true);
            return t;
        });
        SqliteAuditLog audit = new SqliteAuditLog(database, clock);
        StaffGate gate = new StaffGate(config.staff().staff(), config.staff().maxAttempts(),
                java.time.Duration.ofSeconds(config.staff().lockoutSeconds()), config.kiosk().demo() ? 4 : 6, clock,
                new SqliteSettingsRepository(database, clock), audit);
        SqliteRosterRepository roster = new SqliteRosterRepository(database);
        Demo.seedRoster(config, roster);
        SqliteSettingsRepository settings = new SqliteSettingsRepository(database, clock);
        // Staff's choice in the camera test, when there is one, over camera.source.
        String cameraSource = CameraChooser.sourceAtStart(settings, config.camera());
        java.util.function.Function<String, java.nio.file.Path> virtualDir = config::virtualCameraDir;
        java.nio.file.Path made = VirtualCamera.made(config.dataDir());
        this.camera = new CameraService(CameraChooser.camera(config.camera(), cameraSource, virtualDir, made),
                config.camera());
        CameraChooser cameraTest = new CameraChooser(camera, settings, config.camera(), cameraSource, virtualDir,
                made, WebcamCamera::names);
        SqliteKioskCounts counts = new SqliteKioskCounts(database, clock);
        SqliteOutbox outbox = new SqliteOutbox(database);
        CentralClient client = centralClient(config);
        this.sync = new SyncWorker(outbox, client, clock, random, SyncWorker.Policy.standard(),
                new RosterPuller(client, roster, clock), config.kiosk().id(), camera::healthy, counts,
                () -> SessionStarts.recent(LogFiles.current().map(java.nio.file.Path::getParent).orElse(null), clock));
        Eligibility eligibility = new Eligibility(roster, config.roster().keyBytes());
        this.services = new ShellServices(config, clock, random, new Flow(), I18n.of(config.kiosk().languages()),
                audit, gate, eligibility,
                new OtpMailer(mailSender(config, clock)), camera, camera,
                new MarkUsedOnSubmit(submitter(config, outbox, clock, random, id -> sync.deliverNow(id, DELIVER_NOW)),
                        eligibility), sync,
                consentTexts(config), background, Platform::runLater,
                new SiteStaffAlert(config.staff(), config.staff().callSound() == null ? null
                        : config.resolve(config.staff().callSound()), sounds),
                counts, cameraTest,
                new ShellServices.Resume(camera, resumeVerifier(config, database, clock),
                        new SignupClaimer(new CentralClient(config.central().url(), config.central().deviceToken(),
                                tls(config), CLAIM_DEADLINE))));
    }

    /** How long the member waits at most for the central service's draft before the offline way. */
    static final java.time.Duration CLAIM_DEADLINE = java.time.Duration.ofSeconds(8);

    /** Checks resume tokens with the keys of {@code central.resumeKeys}, for this kiosk's unions and its used ids. */
    static ResumeTokenVerifier resumeVerifier(KioskConfig config, Database database, Clock clock) throws IOException {
        try {
            return new ResumeTokenVerifier(ResumeKeys.trusted(config),
                    config.unions().stream().map(jp.kenpo.kiosk.core.config.UnionConfig::insurerNumber)
                            .collect(java.util.stream.Collectors.toSet()),
                    new SqliteUsedResumeIds(database), clock);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("a key of central.resumeKeys cannot be used: " + e.getMessage(), e);
        }
    }

    /** How long the outcome screen waits for the central service before it says 「申請を受け付けました」. */
    static final java.time.Duration DELIVER_NOW = java.time.Duration.ofSeconds(3);

    /**
     * Seals finished registrations to the central service's key and queues them in the outbox; then
     * asks for an immediate delivery.
     */
    static RegistrationSubmitter submitter(KioskConfig config, RegistrationOutbox outbox, Clock clock, RandomSource random,
                                           java.util.function.Function<String, java.util.Optional<CentralClient.Delivery>> deliverNow)
            throws IOException {
        try {
            var key = CentralKey.read(config.resolve(config.central().publicKeyFile()));
            return new SealedSubmitter(config.kiosk().id(),
                    new Sealer(key, config.central().keyId(), new java.security.SecureRandom()), outbox, clock, random,
                    deliverNow);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("the central service's key cannot be used: " + e.getMessage(), e);
        }
    }

    /** The HTTPS client of the central service, with the configured CA when there is one. */
    public static CentralClient centralClient(KioskConfig config) throws IOException {
        return new CentralClient(config.central().url(), config.central().deviceToken(), tls(config),
                java.time.Duration.ofSeconds(60));
    }

    private static javax.net.ssl.SSLContext tls(KioskConfig config) throws IOException {
        String ca = config.central().caFile();
        try {
            return CentralClient.tls(ca == null || ca.isBlank() ? null : config.resolve(ca));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("the central service's CA file cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * Starts delivery to the central service, roster pulls and the heartbeat (in the background) — in
     * the demonstration after the embedded reference central server.
     */
    public void startSync() {
        background.execute(() -> {
            Demo.startEmbeddedCentral(config, clock, server -> embedded = server);
            sync.start();
        });
    }

    /** The demonstration's resume code in the virtual camera's {@code qr/} folder. */
    public static final String DEMO_QR = "demo-resume.png";

    /** Where the demonstration's resume code is written: the virtual camera plays it on the scan screen. */
    public static java.nio.file.Path demoQr(KioskConfig config) {
        return VirtualCamera.made(config.dataDir()).resolve("qr").resolve(DEMO_QR);
    }

    public SyncWorker sync() {
        return sync;
    }

    static MailSender mailSender(KioskConfig config, Clock clock) {
        return "folder".equals(config.mail().mode())
                ? new FolderMailSender(config.resolve(config.mail().folder()), config.mail().from(), clock)
                : new SmtpMailSender(config.mail(), clock);
    }

    public static Kiosk build(KioskConfig config, Clock clock, RandomSource random) throws StoreException, IOException {
        return new Kiosk(config, clock, random);
    }

    public static Kiosk build(KioskConfig config) throws StoreException, IOException {
        return new Kiosk(config, Clock.systemDefaultZone(), RandomSource.secure());
    }

    /** Reads the consent texts named by the configuration (checked readable at load). */
    public static List<ConsentText> consentTexts(KioskConfig config) throws IOException {
        try {
            return readConsentTexts(config);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<ConsentText> readConsentTexts(KioskConfig config) {
        List<ConsentText> out = new ArrayList<>();
        for (ConsentDocument d : config.consents()) {
            // a language without its own file shows the Japanese text, with a note saying so
            LocalizedText body = d.file().map(file -> {
                try {
                    return Files.readString(config.resolve(file), StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            out.add(new ConsentText(d.reference(), d.title(), body, d.pointsTerms()));
        }
        return List.copyOf(out);
    }

    public KioskConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public RandomSource random() {
        return random;
    }

    public Database database() {
        return database;
    }

    public ShellServices services() {
        return services;
    }

    /** The voice guidance's player: the clips made at build time, silent without them or with {@code voice.enabled: false}. */
    public jp.kenpo.kiosk.core.port.VoicePlayer voice() {
        return voice;
    }

    @Override
    public void close() {
        background.shutdown();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sync.close();
        CentralServer central = embedded;
        if (central != null) {
            central.close();
        }
        camera.close();
        sounds.close();
    }
}
