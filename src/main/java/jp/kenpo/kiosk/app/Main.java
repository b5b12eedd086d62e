package jp.kenpo.kiosk.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import javafx.application.Application;

import jp.kenpo.kiosk.app.config.ConfigException;
import jp.kenpo.kiosk.app.config.ConfigLoader;
import jp.kenpo.kiosk.cli.AnalyzeCommand;
import jp.kenpo.kiosk.cli.CentralCommand;
import jp.kenpo.kiosk.cli.HashPinCommand;
import jp.kenpo.kiosk.cli.QueueCommand;
import jp.kenpo.kiosk.cli.SyncCommand;
import jp.kenpo.kiosk.cli.RosterCommand;
import jp.kenpo.kiosk.cli.SelftestCommand;
import jp.kenpo.kiosk.core.config.KioskConfig;
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
                AnalyzeCommand.class, HashPinCommand.class, CentralCommand.class})
public final class Main implements Callable<Integer> {

    public static final String DEFAULT_CONFIG = "kiosk-config/kiosk.yaml";
    public static final int EXIT_CONFIG = 2;
    private static final java.util.logging.Logger JFX_LOG =
            java.util.logging.Logger.getLogger("javafx");

    @Option(names = "--config", paramLabel = "FILE",
            description = "the configuration file (default: ${DEFAULT-VALUE})", defaultValue = DEFAULT_CONFIG)
    Path config;

    @Option(names = "--windowed", description = "a normal window instead of full screen (development)")
    boolean windowed;

    public Path configFile() {
        return config;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // The administrator gets one sentence; the trace goes to the log file only.
                    org.slf4j.LoggerFactory.getLogger(Main.class).error("{} failed", cmd.getCommandName(), e);
                    cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
                    return 1;
                });
    }

    /**
     * Loads the configuration named by {@code --config}; on a problem prints {@code file:line: …}
     * lines to {@code err} and returns null. Also points the log file at the data directory.
     */
    public KioskConfig loadConfig(PrintWriter err) {
        try {
            KioskConfig c = ConfigLoader.withSystemEnvironment().load(config);
            if (System.getProperty("kiosk.logDir") == null) {
                System.setProperty("kiosk.logDir", c.dataDir().resolve("logs").toString());
            }
            return c;
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            err.flush();
            return null;
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
