package jp.kenpo.kiosk.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kenpo.kiosk.core.port.AuditLog;
import jp.kenpo.kiosk.core.port.SettingsRepository;

/** In-memory repositories for view-model tests; held to the same contracts as the SQLite ones. */
public final class InMemoryRepositories {

    private InMemoryRepositories() {
    }

    public static final class Settings implements SettingsRepository {
        private final Map<String, String> values = new HashMap<>();

        @Override
        public synchronized Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public synchronized void put(String key, String value) {
            values.put(key, value);
        }

        @Override
        public synchronized long increment(String key) {
            long next = Long.parseLong(values.getOrDefault(key, "0")) + 1;
            values.put(key, Long.toString(next));
            return next;
        }
    }

    public static final class Audit implements AuditLog {
        private final Clock clock;
        private final List<Entry> entries = new ArrayList<>();

        public Audit(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized void record(String actor, String action, String detail) {
            entries.add(new Entry(entries.size() + 1, clock.instant(), actor, action, detail));
        }

        @Override
        public synchronized List<Entry> recent(int limit) {
            List<Entry> out = new ArrayList<>();
            for (int i = entries.size() - 1; i >= 0 && out.size() < limit; i--) {
                out.add(entries.get(i));
            }
            return out;
        }
    }
}
