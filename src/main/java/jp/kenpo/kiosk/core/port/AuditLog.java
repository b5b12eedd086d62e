package jp.kenpo.kiosk.core.port;

import java.time.Instant;
import java.util.List;

/** Staff actions and kiosk events, kept for the counter and the IT administrator. Never member data. */
public interface AuditLog {

    record Entry(long id, Instant at, String actor, String action, String detail) {
    }

    void record(String actor, String action, String detail);

    /** The newest entries first. */
    List<Entry> recent(int limit);
}
