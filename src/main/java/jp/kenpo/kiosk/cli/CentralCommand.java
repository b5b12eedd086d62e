package jp.kenpo.kiosk.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.central.Faults;
import jp.kenpo.kiosk.central.Unsealer;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.roster.RosterEntry;
import jp.kenpo.kiosk.store.RosterCsvImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code central --port N --data DIR}: the reference central service, for demos and integration tests. */
@Command(name = "central", subcommands = ResumeTokenCommand.class, description = {
        "Run the reference central service (docs/central-service.md) until stopped, for demos and tests.",
        "Not for production. Its central.db holds metadata and hashes only, unless --keep-clear-data."})
public final class CentralCommand implements Callable<Integer> {

    public static final String DEMO_PRIVATE_KEY = "demo-central/central-private.pem";

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "the address to listen on (default: ${DEFAULT-VALUE})",
            defaultValue = CentralServer.Options.DEFAULT_HOST)
    String host;

    @Option(names = "--port", paramLabel = "N",
            description = "the port; 0 for any free one (default: the port of central.url in the configuration)")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR",
            description = "where central.db is kept (default: the kiosk's data directory/central)")
    Path data;

    @Option(names = "--private-key", paramLabel = "FILE",
            description = "the central key's private half, PEM PKCS#8 (default: the demo key beside the configuration)")
    Path privateKey;

    @Option(names = "--key-id", paramLabel = "ID", description = "the key id (default: central.keyId of the configuration)")
    String keyId;

    @Option(names = "--device-token", paramLabel = "TOKEN",
            description = "an accepted device token; repeatable (default: central.deviceToken of the configuration)")
    List<String> deviceTokens = new ArrayList<>();

    @Option(names = "--roster", paramLabel = "FILE.csv",
            description = "a roster CSV in the kiosk's import format, served by GET /v1/roster")
    Path roster;

    @Option(names = "--fail-share", paramLabel = "SHARE", defaultValue = "0",
            description = "share (0..1) of requests failed with --fail-status")
    double failShare;

    @Option(names = "--fail-status", paramLabel = "STATUS", defaultValue = "503", description = "500 or 503")
    int failStatus;

    @Option(names = "--retry-after", paramLabel = "SECONDS", defaultValue = "1", description = "Retry-After of a 503")
    int retryAfter;

    @Option(names = "--drop-after-commit-share", paramLabel = "SHARE", defaultValue = "0",
            description = "share (0..1) of registrations committed and then left without an answer")
    double dropShare;

    @Option(names = "--delay-ms", paramLabel = "MS", defaultValue = "0", description = "a delay before every answer")
    long delayMs;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the faults' randomness (repeatable runs)")
    Long seed;

    @Option(names = "--keep-clear-data", description = {
            "debugging only: keep the opened registrations (members' data in clear) in central.db;",
            "without it, clear data an earlier run kept is removed at start"})
    boolean keepClearData;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KioskConfig config = main.loadConfig(err);
        if (config == null) {
            return Main.EXIT_CONFIG;
        }
        Faults faults;
        try {
            faults = new Faults(failShare, failStatus, retryAfter, dropShare, delayMs);
        } catch (IllegalArgumentException e) {
            err.println("central: " + e.getMessage());
            return 2;
        }
        PrivateKey key = Unsealer.readPrivateKey(privateKey != null ? privateKey : config.resolve(DEMO_PRIVATE_KEY));
        String id = keyId != null ? keyId : config.central().keyId();
        LinkedHashSet<String> tokens = new LinkedHashSet<>(deviceTokens);
        if (tokens.isEmpty()) {
            String configured = config.central().deviceToken();
            tokens.add(configured == null || configured.isBlank() ? CentralServer.Options.DEFAULT_DEVICE_TOKEN
                    : configured);
        }
        List<RosterEntry> entries = new ArrayList<>();
        if (roster != null) {
            RosterCsvImporter.Report report = new RosterCsvImporter(config, () -> collect(entries)).importFile(roster);
            if (!report.ok()) {
                report.problems().forEach(err::println);
                err.println("The roster was not loaded; the server did not start.");
                return 1;
            }
        }
        CentralServer.Options options = CentralServer.Options
                .of(data != null ? data : config.dataDir().resolve("central"), key, id)
                .withHost(host)
                .withPort(port != null ? port : configuredPort(config))
                .withDeviceTokens(tokens)
                .withFaults(faults)
                .withRandom(seed == null ? new Random() : new Random(seed))
                .withKeepClearData(keepClearData);
        CentralServer server = CentralServer.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "central-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (!entries.isEmpty()) {
                server.addRosterEntries(entries);
            }
            out.println("central server listening on " + server.url());
            out.flush();
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopped from within the same JVM (tests)
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is closing the server
            }
            server.close();
        }
        return 0;
    }

    private static RosterCsvImporter.Sink collect(List<RosterEntry> into) {
        List<RosterEntry> pending = new ArrayList<>();
        return new RosterCsvImporter.Sink() {
            @Override
            public void add(RosterEntry entry) {
                pending.add(entry);
            }

            @Override
            public void commit() {
                into.addAll(pending);
            }

            @Override
            public void close() {
                pending.clear();
            }
        };
    }

    private static int configuredPort(KioskConfig config) {
        try {
            int p = URI.create(config.central().url()).getPort();
            return p > 0 ? p : 8765;
        } catch (RuntimeException e) {
            return 8765;
        }
    }
}
