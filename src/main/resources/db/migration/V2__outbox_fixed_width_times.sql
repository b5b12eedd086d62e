-- Outbox times in one fixed-width UTC form (2026-12-01T02:00:00.000Z), so that they compare as
-- text, and every waiting registration due: rows queued before delivery existed had no next
-- attempt and would never be picked up.
UPDATE outbox SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at);
UPDATE outbox SET next_attempt_at = created_at WHERE next_attempt_at IS NULL AND state = 'waiting';
