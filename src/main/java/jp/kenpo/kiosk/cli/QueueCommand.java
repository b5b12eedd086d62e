package jp.kenpo.kiosk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteOutbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code queue}: what waits in the outbox — counts, the oldest, the reasons staff must look at. No personal data. */
@Command(name = "queue", description = "Registrations waiting for the central service: counts and states (no personal data).")
public final class QueueCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        KioskConfig config = main.loadConfig(spec.commandLine().getErr());
        if (config == null) {
            return Main.EXIT_CONFIG;
        }
        RegistrationOutbox.Summary s = new SqliteOutbox(Database.open(config.dataDir())).summary();
        print(out, config.kiosk().id(), s, clock.instant());
        return 0;
    }

    static void print(PrintWriter out, String kioskId, RegistrationOutbox.Summary s, Instant now) {
        out.printf("kiosk %s: %d held — %d waiting, %d needing attention (%s sealed)%n", kioskId, s.total(), s.waiting(),
                s.needsAttention(), size(s.bytes()));
        if (s.oldestWaiting() != null) {
            out.printf("oldest waiting: %s (%s ago)%n", s.oldestWaiting(), age(Duration.between(s.oldestWaiting(), now)));
        }
        if (!s.attention().isEmpty()) {
            out.println("needing attention:");
            for (RegistrationOutbox.Attention a : s.attention()) {
                out.printf("  %-10s since %s  %d %s  %s%n", a.receiptNumber(), a.createdAt(), a.attempts(),
                        a.attempts() == 1 ? "try " : "tries", a.detail());
            }
        }
    }

    static String size(long bytes) {
        return bytes < 1024 * 1024 ? String.format("%.1f KB", bytes / 1024.0) : String.format("%.1f MB", bytes / 1048576.0);
    }

    static String age(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() + " min";
    }
}
