-- 保険証情報の照会は1名1回: a person (matchKey) whose registration was submitted at this kiosk counts
-- as already verified here until the central service's roster speaks for them again. The receipt
-- number ties the mark to the queued registration; no personal data beyond the keyed hash.
CREATE TABLE roster_used_here (
    match_key       TEXT PRIMARY KEY,
    receipt_number  TEXT NOT NULL,
    marked_at       TEXT NOT NULL
) WITHOUT ROWID;
