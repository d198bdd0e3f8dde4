-- Seals cover the notices too (see seals.mjs). A notice is content-addressed, so content edited
-- after it was stored shows by itself: it no longer hashes to its hash. A deleted notice does not,
-- unless the seal says which notices were already missing when the day was sealed (a record may
-- name a notice the log never received, after a move to a new database, say). NULL: a seal
-- written before this column existed, which says nothing about notices.
ALTER TABLE consent_seals ADD COLUMN missing_notices text[];
