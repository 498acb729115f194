-- The staff audit is evidence: the database itself refuses to change or remove a recorded row.
-- (The hash chain still shows a change made by someone who drops the trigger.)
CREATE FUNCTION console_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the staff audit is append-only: % on console_audit is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER console_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON console_audit
    FOR EACH ROW EXECUTE FUNCTION console_audit_is_append_only();

CREATE TRIGGER console_audit_no_truncate BEFORE TRUNCATE ON console_audit
    FOR EACH STATEMENT EXECUTE FUNCTION console_audit_is_append_only();
