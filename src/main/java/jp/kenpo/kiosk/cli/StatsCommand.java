package jp.kenpo.kiosk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.session.DayCounts;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteKioskCounts;
import jp.kenpo.kiosk.store.SqliteOutbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code stats}: the counts for the union since a day (today by default) — no personal data. */
@Command(name = "stats", description = "Counts for the union since a day (default today): sessions, outcomes, "
        + "abandoned steps, median seconds per step, retries, help calls, in-person checks (no personal data).")
public final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "DATE|INSTANT",
            description = "From this day (2026-12-01, at midnight in the kiosk's time zone) or instant (2026-12-01T09:00:00Z).")
    String since;

    Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant from;
        try {
            from = since(since, clock);
        } catch (DateTimeParseException e) {
            err.println("--since: not a day (2026-12-01) or an instant (2026-12-01T09:00:00Z): " + since);
            return 2;
        }
        KioskConfig config = main.loadConfig(err);
        if (config == null) {
            return Main.EXIT_CONFIG;
        }
        Database db = Database.open(config.dataDir());
        DayCounts c = new SqliteKioskCounts(db, clock).counts(from);
        print(out, config.kiosk().id(), c, new SqliteOutbox(db).sentSince(from), clock.getZone());
        return 0;
    }

    static Instant since(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return DayCounts.startOfDay(clock.instant(), clock.getZone());
        }
        if (text.contains("T")) {
            return Instant.parse(text);
        }
        return LocalDate.parse(text).atStartOfDay(clock.getZone()).toInstant();
    }

    /** The counts as the administrator reads them: the start in the kiosk's own time zone. */
    static void print(PrintWriter out, String kioskId, DayCounts c, int sent, java.time.ZoneId zone) {
        out.printf("kiosk %s since %s%n", kioskId, c.since().atZone(zone).toOffsetDateTime());
        out.printf("sessions started:        %d%n", c.started());
        out.printf("finished:                %d (complete %d, pending %d, account only %d)%n", c.finished(),
                c.complete(), c.pending(), c.accountOnly());
        out.printf("abandoned:               %d%n", c.abandoned());
        out.printf("capture retries:         %d%n", c.captureRetries());
        out.printf("help calls:              %d%n", c.helpCalls());
        out.printf("in-person checks:        %d%n", c.inPersonChecks());
        out.printf("registrations sent:      %d%n", sent);
        TreeSet<String> steps = new TreeSet<>(c.medianSecondsByStep().keySet());
        steps.addAll(c.abandonedByStep().keySet());
        if (!steps.isEmpty()) {
            out.printf("%-24s %10s %10s%n", "step", "median s", "abandoned");
            Map<String, Double> m = c.medianSecondsByStep();
            for (String step : steps) {
                out.printf("%-24s %10s %10d%n", step, m.containsKey(step) ? String.format("%.1f", m.get(step)) : "-",
                        c.abandonedByStep().getOrDefault(step, 0));
            }
        }
    }
}
