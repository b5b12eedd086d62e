-- The reference central server's own store (central.db), never mixed with the kiosk's kiosk.db.
-- This is the union's side: it holds the opened registrations.

-- Every registration key ever answered, with the first answer, replayed for the same bytes.
-- status 'rejected' rows keep a permanent 409/422 answer; they take no part in the conflict rules.
CREATE TABLE registrations (
    registration_id  TEXT PRIMARY KEY,
    body_sha256      TEXT NOT NULL,
    answer_status    INTEGER NOT NULL,
    answer_json      TEXT NOT NULL,
    kiosk_id         TEXT,
    received_at      TEXT NOT NULL,
    receipt_seq      INTEGER UNIQUE,
    receipt_number   TEXT UNIQUE,
    status           TEXT NOT NULL CHECK (status IN ('complete', 'pending_review', 'rejected')),
    person_key       TEXT,
    email_key        TEXT,
    plaintext        TEXT
);
-- One registration per person (insurer, card, kana name, birth date) and per email address.
CREATE UNIQUE INDEX registrations_person ON registrations (person_key) WHERE status <> 'rejected';
CREATE UNIQUE INDEX registrations_email ON registrations (email_key) WHERE status <> 'rejected';

-- Roster changes in the order the kiosks pull them (GET /v1/roster, cursor = sequence).
CREATE TABLE roster_changes (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    insurer_number  TEXT NOT NULL,
    card_key        TEXT NOT NULL,
    match_key       TEXT NOT NULL,
    member_type     TEXT CHECK (member_type IN ('insured', 'dependent', 'voluntary_continuation')),
    status          TEXT NOT NULL CHECK (status IN ('active', 'already_verified', 'removed'))
);

-- Signups started in the app, claimed once by the device that scanned the QR code.
-- claimed_by is the SHA-256 of the claiming device's token, never the token itself.
CREATE TABLE signups (
    resume_id   TEXT PRIMARY KEY,
    draft       TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    claimed_by  TEXT,
    claimed_at  TEXT
);

-- Kiosk health reports (no personal data).
CREATE TABLE heartbeats (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kiosk_id     TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    body         TEXT NOT NULL
);
CREATE INDEX heartbeats_kiosk ON heartbeats (kiosk_id, id);
