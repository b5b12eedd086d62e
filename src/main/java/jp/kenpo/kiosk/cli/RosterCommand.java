package jp.kenpo.kiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import jp.kenpo.kiosk.app.Kiosk;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.RosterCsvImporter;
import jp.kenpo.kiosk.store.SqliteRosterRepository;
import jp.kenpo.kiosk.sync.RosterPuller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code roster import FILE.csv}: the union roster cache. */
@Command(name = "roster", description = "The union roster cache (stored as keyed hashes only).",
        subcommands = {RosterCommand.Import.class, RosterCommand.Pull.class})
public final class RosterCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "import", description = {
            "Import a roster CSV (header row): insurerNumber, symbol, number, branch, kanaName,",
            "birthDate (yyyy-MM-dd), and optionally memberType and status. All rows or none.",
            "UTF-8 (with or without BOM) and Shift_JIS (CP932) are recognised; --encoding names another."})
    static final class Import implements Callable<Integer> {

        @ParentCommand
        RosterCommand roster;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @picocli.CommandLine.Option(names = "--encoding", paramLabel = "CHARSET",
                description = "The file's encoding (e.g. UTF-8, windows-31j); seen from the file when not given.")
        java.nio.charset.Charset encoding;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            KioskConfig config = roster.main.loadConfig(err);
            if (config == null) {
                return Main.EXIT_CONFIG;
            }
            SqliteRosterRepository repo = new SqliteRosterRepository(Database.open(config.dataDir()));
            long started = System.nanoTime();
            RosterCsvImporter.Report report = new RosterCsvImporter(config, repo).importFile(file, encoding);
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (!report.ok()) {
                report.problems().forEach(err::println);
                err.println("Nothing was imported.");
                return 1;
            }
            out.printf("imported %d entries in %d ms; the roster now holds %d%n", report.imported(), ms, repo.count());
            return 0;
        }
    }

    @Command(name = "pull", description = "Pull roster changes from the central service now (from where the last pull ended).")
    static final class Pull implements Callable<Integer> {

        @ParentCommand
        RosterCommand roster;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            KioskConfig config = roster.main.loadConfig(err);
            if (config == null) {
                return Main.EXIT_CONFIG;
            }
            SqliteRosterRepository repo = new SqliteRosterRepository(Database.open(config.dataDir()));
            try {
                long n = new RosterPuller(Kiosk.centralClient(config), repo, Clock.systemUTC()).pull();
                out.printf("%d roster changes applied; the roster now holds %d%n", n, repo.count());
                return 0;
            } catch (java.io.IOException e) {
                err.println("The roster could not be pulled: " + e.getMessage());
                return 1;
            }
        }
    }
}
