-- Drafts that the server's own `central resume-token` makes up for a demonstration (no member's
-- data) are written to the file, so a server already running, or started later, can serve them;
-- they are not removed with the clear data of a debugging run.
ALTER TABLE signups ADD COLUMN made_up INTEGER NOT NULL DEFAULT 0;
