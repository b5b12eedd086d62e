package jp.kenpo.kiosk.core.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.kenpo.kiosk.core.port.KioskCounts;

/**
 * The kiosk's counts for the union over a period, without personal data: sessions started,
 * finished (complete, pending, account only), abandoned by step, the median seconds spent per step,
 * capture retries, help calls and in-person checks.
 *
 * @param abandonedByStep   step name → sessions that ended there before the submit
 * @param medianSecondsByStep step name → median seconds a member spent on it (one decimal)
 */
public record DayCounts(Instant since, int started, int complete, int pending, int accountOnly,
                        Map<String, Integer> abandonedByStep, Map<String, Double> medianSecondsByStep,
                        int captureRetries, int helpCalls, int inPersonChecks) {

    public DayCounts {
        abandonedByStep = Collections.unmodifiableMap(new TreeMap<>(abandonedByStep));
        medianSecondsByStep = Collections.unmodifiableMap(new TreeMap<>(medianSecondsByStep));
    }

    /** Sessions that ended after the submit. */
    public int finished() {
        return complete + pending + accountOnly;
    }

    /** Sessions that ended before the submit. */
    public int abandoned() {
        return abandonedByStep.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The start of today in {@code zone}: where "today's counts" begin. */
    public static Instant startOfDay(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    }

    /** Folds the events (those before {@code since} are ignored). */
    public static DayCounts of(Instant since, List<KioskCounts.Event> events) {
        int started = 0;
        int complete = 0;
        int pending = 0;
        int accountOnly = 0;
        int retries = 0;
        int help = 0;
        int checks = 0;
        Map<String, Integer> abandoned = new TreeMap<>();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (KioskCounts.Event e : events) {
            if (e.kind() == null || e.at().isBefore(since)) {
                continue;
            }
            switch (e.kind()) {
                case STARTED -> started++;
                case COMPLETE -> complete++;
                case PENDING -> pending++;
                case ACCOUNT_ONLY -> accountOnly++;
                case ABANDONED -> abandoned.merge(e.step() == null ? "UNKNOWN" : e.step(), 1, Integer::sum);
                case STEP_TIME -> {
                    if (e.step() != null && e.seconds() != null) {
                        times.computeIfAbsent(e.step(), k -> new ArrayList<>()).add(e.seconds());
                    }
                }
                case CAPTURE_RETRY -> retries++;
                case HELP_CALL -> help++;
                case IN_PERSON_CHECK -> checks++;
            }
        }
        Map<String, Double> medians = new TreeMap<>();
        times.forEach((step, list) -> medians.put(step, median(list)));
        return new DayCounts(since, started, complete, pending, accountOnly, abandoned, medians, retries, help, checks);
    }

    /** The median, rounded to one decimal. */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Math.round(m * 10) / 10.0;
    }
}
