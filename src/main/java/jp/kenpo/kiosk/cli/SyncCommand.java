package jp.kenpo.kiosk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

import jp.kenpo.kiosk.app.Kiosk;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.sync.SyncWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sync --once}: one delivery pass over the outbox, including registrations still waiting
 * out a backoff. Exit code 0 when nothing is left, 1 when some registrations are still held.
 */
@Command(name = "sync", description = {"Deliver the outbox to the central service now (one pass).",
        "Exit code: 0 nothing left, 1 registrations still held (see 'queue'), 2 configuration problem."})
public final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--once", required = true, description = "one pass, then exit")
    boolean once;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        KioskConfig config = main.loadConfig(spec.commandLine().getErr());
        if (config == null) {
            return Main.EXIT_CONFIG;
        }
        Clock clock = Clock.systemUTC();
        SqliteOutbox outbox = new SqliteOutbox(Database.open(config.dataDir()));
        SyncWorker worker = new SyncWorker(outbox, Kiosk.centralClient(config), clock, RandomSource.secure(),
                SyncWorker.Policy.standard(), null, config.kiosk().id(), () -> true);
        SyncWorker.Pass pass = worker.runAll();
        out.printf("delivered %d, to retry %d, refused %d, credential refused %d; %d still held%n", pass.accepted(),
                pass.retrying(), pass.rejected(), pass.unauthorized(), pass.left());
        return pass.left() == 0 ? 0 : 1;
    }
}
