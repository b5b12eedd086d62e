package jp.kenpo.kiosk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteAuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code repair}: when the kiosk stops at start-up because a migration it has already applied has
 * changed ("checksum mismatch"), the history of applied migrations is brought in line with this
 * software's (Flyway repair). The registrations, roster, settings and audit rows are not touched.
 * Asks for a typed confirmation unless {@code --yes}; leaves an audit entry.
 */
@Command(name = "repair", description = {"Accept this software's migrations as the ones applied to the database, "
        + "after a checksum mismatch stopped the start-up. The data is not changed.",
        "Asks to type REPAIR unless --yes is given."})
public final class RepairCommand implements Callable<Integer> {

    static final String CONFIRMATION = "REPAIR";
    public static final String AUDIT_ACTION = "database-repair";

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--yes", description = "repair without asking")
    boolean yes;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KioskConfig config = main.loadConfig(err);
        if (config == null) {
            return Main.EXIT_CONFIG;
        }
        Database.Repair found = Database.mismatches(config.dataDir());
        if (found.corrected().isEmpty()) {
            out.println(found.file() + ": the applied migrations match this software; nothing to repair");
            return 0;
        }
        out.println(found.file() + ": applied migrations that differ from this software's:");
        found.corrected().forEach(line -> out.println("  " + line));
        out.println("Repair records this software's migrations as the applied ones; the data is not changed.");
        out.println("Only do this after an update of the kiosk software that you expected; keep a copy of "
                + found.file().getFileName() + " first.");
        if (!yes && !confirmed(out)) {
            err.println("repair: not confirmed; nothing was changed");
            return 1;
        }
        Database.Repair done = Database.repair(config.dataDir());
        Database db = Database.open(config.dataDir());
        new SqliteAuditLog(db, clock).record("admin", AUDIT_ACTION,
                done.corrected().size() + " migration record(s) corrected; schema " + db.schemaVersion());
        out.println("repaired: " + db.file() + " is at schema " + db.schemaVersion() + ", integrity "
                + db.integrityCheck());
        return 0;
    }

    private static boolean confirmed(PrintWriter out) throws IOException {
        out.print("Type " + CONFIRMATION + " to continue: ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && CONFIRMATION.equals(answer.strip());
    }
}
