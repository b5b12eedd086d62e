package jp.kenpo.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.port.SettingsRepository;

/** What every {@link SettingsRepository} must do; run against SQLite and the in-memory one. */
abstract class SettingsRepositoryContract {

    protected abstract SettingsRepository repository();

    @Test
    void missingKeyIsEmpty() {
        assertThat(repository().get("camera.device")).isEmpty();
    }

    @Test
    void putThenGetAndOverwrite() {
        SettingsRepository r = repository();
        r.put("camera.device", "USB Camera A");
        assertThat(r.get("camera.device")).contains("USB Camera A");
        r.put("camera.device", "USB Camera B");
        assertThat(r.get("camera.device")).contains("USB Camera B");
    }

    @Test
    void incrementCountsFromOne() {
        SettingsRepository r = repository();
        assertThat(r.increment("receipt.sequence")).isEqualTo(1);
        assertThat(r.increment("receipt.sequence")).isEqualTo(2);
        assertThat(r.get("receipt.sequence")).contains("2");
        assertThat(r.increment("other")).isEqualTo(1);
    }

    @Test
    void concurrentIncrementsNeverRepeatANumber() throws Exception {
        SettingsRepository r = repository();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> r.increment("receipt.sequence")));
            }
            List<Long> seen = new ArrayList<>();
            for (Future<Long> f : futures) {
                seen.add(f.get());
            }
            assertThat(seen).doesNotHaveDuplicates().hasSize(200);
            assertThat(r.get("receipt.sequence")).contains("200");
        } finally {
            pool.shutdownNow();
        }
    }
}
