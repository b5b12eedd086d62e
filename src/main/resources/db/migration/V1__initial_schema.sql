-- Kenpo Kiosk local store, first schema.
-- Nothing personal is stored in clear: the roster holds keyed hashes only, and the outbox holds
-- registrations sealed to the central service's key (see docs/central-service.md §4).

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Staff actions and kiosk events, for the counter and the IT administrator. No member data.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    detail  TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);

-- Finished registrations waiting for the central service, sealed at submit.
CREATE TABLE outbox (
    registration_id  TEXT PRIMARY KEY,
    receipt_number   TEXT NOT NULL UNIQUE,
    created_at       TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('waiting', 'sending', 'needs_attention')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT,
    last_error       TEXT,
    size_bytes       INTEGER NOT NULL,
    sealed           BLOB NOT NULL
);
CREATE INDEX outbox_state_created ON outbox (state, created_at);

-- The union roster as keyed hashes (cardKey, matchKey of docs/central-service.md §9). Insured persons and
-- dependents may share a card (same cardKey) and differ in name and birthdate (matchKey).
CREATE TABLE roster (
    match_key       TEXT PRIMARY KEY,
    card_key        TEXT NOT NULL,
    insurer_number  TEXT NOT NULL,
    member_type     TEXT,
    status          TEXT NOT NULL CHECK (status IN ('active', 'already_verified', 'removed'))
) WITHOUT ROWID;
CREATE INDEX roster_card_key ON roster (card_key);

CREATE TABLE roster_sync (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    cursor     TEXT,
    pulled_at  TEXT
);

-- Resume tokens (QR codes from the app) already used at this kiosk.
CREATE TABLE consumed_resume_tokens (
    resume_id    TEXT PRIMARY KEY,
    consumed_at  TEXT NOT NULL
);
