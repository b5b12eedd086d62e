-- Counts for the union, without personal data (jp.kenpo.kiosk.core.port.KioskCounts): one row per
-- thing counted — a session started or ended, a step left, a capture retaken, a help call, an
-- in-person check. No session id and no member data: a time, a kind, a step name, seconds.
CREATE TABLE kiosk_counts (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    kind    TEXT NOT NULL,
    step    TEXT,
    seconds REAL
);

CREATE INDEX kiosk_counts_at ON kiosk_counts (at);

-- Registrations the central service acknowledged, one row each, for "sent today" on the staff screen:
-- the outbox row itself is deleted on delivery.
CREATE TABLE outbox_sent (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    sent_at TEXT NOT NULL
);

CREATE INDEX outbox_sent_at ON outbox_sent (sent_at);
