package jp.kenpo.kiosk.ui.staff;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.port.AuditLog;

/** What the staff screen shows now: this kiosk's id and the newest audit entries (read off the UI thread). */
public final class StaffViewModel {

    private final KioskConfig config;
    private final AuditLog audit;
    private final ReadOnlyObjectWrapper<List<String>> recent = new ReadOnlyObjectWrapper<>(List.of());

    public StaffViewModel(KioskConfig config, AuditLog audit) {
        this.config = config;
        this.audit = audit;
    }

    public String kioskId() {
        return config.kiosk().id();
    }

    /** Reads the newest audit entries on {@code background}; they arrive on {@code ui}. */
    public void load(int limit, Executor background, Executor ui) {
        CompletableFuture.supplyAsync(() -> audit.recent(limit).stream()
                        .map(e -> e.at() + "  " + e.actor() + "  " + e.action() + (e.detail() == null ? "" : "  " + e.detail()))
                        .toList(), background)
                .thenAcceptAsync(recent::set, ui);
    }

    public ReadOnlyObjectProperty<List<String>> recentProperty() {
        return recent.getReadOnlyProperty();
    }
}
