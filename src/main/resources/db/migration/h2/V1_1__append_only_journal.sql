-- H2 has no SQL triggers (only Java ones); the embedded default keeps the journal append-only by
-- code: nothing in socialbank updates or deletes a row of transfers. PostgreSQL enforces it.
SELECT 1;
