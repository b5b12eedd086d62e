package jp.kenpo.kiosk.ui.staff;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import jp.kenpo.kiosk.core.port.KioskCounts;
import jp.kenpo.kiosk.core.session.DayCounts;

/** Today's counts for the union (no personal data), read off the UI thread. */
public final class CountsViewModel {

    private final KioskCounts counts;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<DayCounts> today = new ReadOnlyObjectWrapper<>();

    public CountsViewModel(KioskCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    /** Reads today's counts (since midnight in the kiosk's time zone) on {@code background}; they arrive on {@code ui}. */
    public void load(Executor background, Executor ui) {
        CompletableFuture.supplyAsync(() -> counts.counts(DayCounts.startOfDay(clock.instant(), clock.getZone())),
                background).thenAcceptAsync(today::set, ui);
    }

    /** Null until read. */
    public ReadOnlyObjectProperty<DayCounts> todayProperty() {
        return today.getReadOnlyProperty();
    }
}
