-- H2 has no SQL triggers (only Java ones): on the embedded default the staff audit stays
-- append-only by code, and the hash chain shows any change. PostgreSQL enforces it.
SELECT 1;
