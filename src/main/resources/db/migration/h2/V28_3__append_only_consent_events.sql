-- H2 has no SQL triggers (only Java ones): on the embedded default the consent history stays
-- append-only by code (nothing updates or deletes consent_events). PostgreSQL enforces it.
SELECT 1;
