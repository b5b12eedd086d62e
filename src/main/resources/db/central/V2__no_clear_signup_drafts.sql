-- Without --keep-clear-data the reference server keeps signup drafts (which hold an address and
-- more) in memory only: the draft column may be empty. SQLite changes a column's constraint by
-- rebuilding the table.
CREATE TABLE signups_v2 (
    resume_id   TEXT PRIMARY KEY,
    draft       TEXT,
    expires_at  TEXT NOT NULL,
    claimed_by  TEXT,
    claimed_at  TEXT
);
INSERT INTO signups_v2 (resume_id, draft, expires_at, claimed_by, claimed_at)
    SELECT resume_id, draft, expires_at, claimed_by, claimed_at FROM signups;
DROP TABLE signups;
ALTER TABLE signups_v2 RENAME TO signups;
