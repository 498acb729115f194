-- Applications (review 2026-12-07 applications follow-up). The same change as PostgreSQL's V108
-- but its trigger: keep the two files' first statements alike.
--
-- Staff's decisions are audited in application_staff_actions with the reason staff gave, which is
-- up to 500 characters (Decisions.REASON_LENGTH_MAX); a retry's reason stays a short code.
ALTER TABLE application_staff_actions ALTER COLUMN reason SET DATA TYPE VARCHAR(500);

-- The neutral notice that the bank is completing an approval is told once per approval, whatever
-- the number of reasons on the bank's side: it is keyed 'completing' from now on (no reason code
-- is). An approval already told one bank_<code> reason counts as told.
INSERT INTO application_fulfilment_notices (application_id, reason, told_at)
    SELECT application_id, 'completing', MIN(told_at) FROM application_fulfilment_notices
    WHERE LEFT(reason, 5) = 'bank_' GROUP BY application_id;

-- H2 has no SQL triggers (only Java ones, and H2 is not on the application's compile path): on the
-- embedded default the staff audit stays insert-only by code (JdbcStaffActions only inserts).
-- PostgreSQL enforces it.
