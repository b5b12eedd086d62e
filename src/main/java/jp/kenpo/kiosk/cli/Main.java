package jp.kenpo.kiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import javafx.application.Application;

import jp.kenpo.kiosk.app.Kiosk;
import jp.kenpo.kiosk.app.KioskApp;
import jp.kenpo.kiosk.app.LogFiles;
import jp.kenpo.kiosk.app.config.ConfigException;
import jp.kenpo.kiosk.app.config.ConfigLoader;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.text.LogText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar kenpo-kiosk.jar [--config FILE] [--windowed] [SUBCOMMAND]}: with no subcommand
 * the kiosk starts; the subcommands are the IT administrator's tools.
 */
@Command(name = "kenpo-kiosk", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Registration kiosk for health-insurance unions.",
        subcommands = {SelftestCommand.class, QueueCommand.class, SyncCommand.class, RosterCommand.class,
                AnalyzeCommand.class, HashPinCommand.class, CentralCommand.class, RepairCommand.class, StatsCommand.class})
public final class Main implements Callable<Integer> {

    public static final String DEFAULT_CONFIG = ConfigLoader.DEFAULT_FILE;
    /**
     * The default of {@code --config}: the system property {@code kiosk.config} (set by the installed
     * launcher to {@code /etc/kenpo-kiosk/kiosk.yaml}), else the variable {@code KIOSK_CONFIG}, else
     * {@link #DEFAULT_CONFIG}.
     */
    static final String CONFIG_DEFAULT = "${sys:kiosk.config:-${env:KIOSK_CONFIG:-" + DEFAULT_CONFIG + "}}";
    public static final int EXIT_CONFIG = 2;
    private static final java.util.logging.Logger JFX_LOG =
            java.util.logging.Logger.getLogger("javafx");

    @Option(names = "--config", paramLabel = "FILE",
            description = "the configuration file (default: ${DEFAULT-VALUE})", defaultValue = CONFIG_DEFAULT)
    Path config;

    @Option(names = "--windowed", description = "a normal window instead of full screen (development)")
    boolean windowed;

    @Option(names = "--log-dir", paramLabel = "DIR",
            description = "the folder of the log file (default: <dataDir>/logs; without a configuration, no file)")
    Path logDir;

    public Path configFile() {
        return config;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        Main main = new Main();
        return new CommandLine(main)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(parsed -> {
                    // An explicit log folder is used from the start, also by commands with no configuration.
                    if (main.logDir != null) {
                        main.startLogFile(main.logDir, parsed.commandSpec().commandLine().getErr());
                    }
                    return new CommandLine.RunLast().execute(parsed);
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // The administrator gets one sentence; the trace goes to the log file only, its
                    // messages cleaned (an exception's message may quote a file or a server).
                    org.slf4j.LoggerFactory.getLogger(Main.class).error("{} failed", cmd.getCommandName(),
                            LogText.scrubbed(e));
                    cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
                    return 1;
                });
    }

    /**
     * Loads the configuration named by {@code --config}; on a problem prints {@code file:line: …}
     * lines to {@code err} and returns null; so too when root would write to a data folder that is the
     * kiosk user's ({@link DataFolderOwner}). Also starts the log file: in {@code --log-dir}, else
     * below the data directory.
     */
    public KioskConfig loadConfig(PrintWriter err) {
        try {
            KioskConfig c = ConfigLoader.withSystemEnvironment().load(config);
            java.util.Optional<String> refused = DataFolderOwner.refusal(c.dataDir());
            if (refused.isPresent()) {
                err.println(refused.get());
                err.flush();
                return null;
            }
            if (logDir == null) { // an explicit --log-dir is in use already (see commandLine())
                startLogFile(LogFiles.folder(null, c.dataDir()), err);
            }
            return c;
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            err.flush();
            return null;
        }
    }

    /** The log file in {@code dir}; when that folder cannot be used, one line says so and the log stays on standard error. */
    void startLogFile(Path dir, PrintWriter err) {
        try {
            LogFiles.writeTo(dir);
        } catch (IOException | RuntimeException e) {
            err.println("the log folder " + dir + " cannot be used (" + e.getMessage()
                    + "); the log goes to standard error only");
            err.flush();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = new PrintWriter(System.err, true);
        KioskConfig c = loadConfig(err);
        if (c == null) {
            return EXIT_CONFIG;
        }
        // JavaFX warns when it is loaded from the class path, as in this single jar: expected here.
        JFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        KioskApp.prepare(Kiosk.build(c), windowed);
        Application.launch(KioskApp.class);
        return 0;
    }

    /** The version from the jar's manifest. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"kenpo-kiosk " + (v == null ? "(development build)" : v)};
        }
    }
}
