-- Why a registration is held, as a code (jp.kenpo.kiosk.core.port.DeliveryReason) beside the detail
-- text in last_error, so that the staff screen never has to read the text. Rows held before this
-- version only have the text ("409 already_registered", "401 device credential refused", "503"): their
-- code is taken from it once, here; what cannot be told apart becomes 'other'.
ALTER TABLE outbox ADD COLUMN reason_code TEXT;

UPDATE outbox SET reason_code = CASE
    WHEN trim(last_error) IN ('401', '403') OR trim(last_error) LIKE '401 %' OR trim(last_error) LIKE '403 %'
        THEN 'credential_refused'
    WHEN trim(last_error) = '413' OR trim(last_error) LIKE '413 %'
        THEN 'too_large'
    WHEN substr(lower(trim(last_error)), 1, 4) IN ('409 ', '422 ')
         AND substr(lower(trim(last_error)), 5) IN ('already_registered', 'card_already_linked', 'email_in_use',
                                                    'idempotency_mismatch', 'not_eligible')
        THEN substr(lower(trim(last_error)), 5)
    WHEN trim(last_error) IN ('409', '422') OR trim(last_error) LIKE '409 %' OR trim(last_error) LIKE '422 %'
        THEN 'invalid'
    ELSE 'other' END
WHERE last_error IS NOT NULL;
