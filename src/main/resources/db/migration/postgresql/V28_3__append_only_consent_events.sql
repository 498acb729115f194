-- Consent history is evidence (GDPR Art. 7(1), 38-FZ, MIIT record keeping): the database itself
-- refuses to change or remove a recorded change.
CREATE FUNCTION consent_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the consent history is append-only: % on consent_events is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER consent_events_no_update_or_delete BEFORE UPDATE OR DELETE ON consent_events
    FOR EACH ROW EXECUTE FUNCTION consent_events_are_append_only();

CREATE TRIGGER consent_events_no_truncate BEFORE TRUNCATE ON consent_events
    FOR EACH STATEMENT EXECUTE FUNCTION consent_events_are_append_only();
