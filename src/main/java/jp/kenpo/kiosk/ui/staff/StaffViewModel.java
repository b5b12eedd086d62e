package jp.kenpo.kiosk.ui.staff;

import java.util.List;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.port.AuditLog;

/** What the staff screen shows now: this kiosk's id and the newest audit entries. */
public final class StaffViewModel {

    private final KioskConfig config;
    private final AuditLog audit;

    public StaffViewModel(KioskConfig config, AuditLog audit) {
        this.config = config;
        this.audit = audit;
    }

    public String kioskId() {
        return config.kiosk().id();
    }

    /** The newest audit entries as lines for the screen. */
    public List<String> recentAudit(int limit) {
        return audit.recent(limit).stream()
                .map(e -> e.at() + "  " + e.actor() + "  " + e.action() + (e.detail() == null ? "" : "  " + e.detail()))
                .toList();
    }
}
