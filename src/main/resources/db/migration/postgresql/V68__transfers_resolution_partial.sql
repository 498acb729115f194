-- Issue 22 (ledger22): only a post, void or expiry row has a pending_id, yet the unique index
-- (pending_id, kind) of V1 took an entry for every journal row, NULL included: one more index
-- insert (and its WAL) per single transfer. The same uniqueness over the rows that have a
-- pending_id, and findResolution's look-up (pending_id = ? AND kind = ?) still uses it.
DROP INDEX transfers_resolution;
CREATE UNIQUE INDEX transfers_resolution ON transfers (pending_id, kind) WHERE pending_id IS NOT NULL;
