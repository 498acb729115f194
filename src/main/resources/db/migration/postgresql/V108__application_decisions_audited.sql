-- Applications (review 2026-12-07 applications follow-up). The same change as H2's V108 plus the
-- trigger H2 cannot have: keep the two files' first statements alike.
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

-- Staff's decisions and retries are evidence: the database itself refuses to change or remove a
-- recorded row.
CREATE FUNCTION application_staff_actions_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the applications staff audit is append-only: % on application_staff_actions is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER application_staff_actions_no_update_or_delete BEFORE UPDATE OR DELETE ON application_staff_actions
    FOR EACH ROW EXECUTE FUNCTION application_staff_actions_are_append_only();

CREATE TRIGGER application_staff_actions_no_truncate BEFORE TRUNCATE ON application_staff_actions
    FOR EACH STATEMENT EXECUTE FUNCTION application_staff_actions_are_append_only();
