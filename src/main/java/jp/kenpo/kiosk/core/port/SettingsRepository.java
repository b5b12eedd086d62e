package jp.kenpo.kiosk.core.port;

import java.util.Optional;

/** Small named values the kiosk keeps between runs (the receipt sequence, the chosen camera, …). */
public interface SettingsRepository {

    Optional<String> get(String key);

    void put(String key, String value);

    /** Atomically adds one to a counter (starting at 0) and returns the new value. */
    long increment(String key);
}
