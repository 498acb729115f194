-- Campaigns (review 2026-12-07 campaigns follow-up). The same change as H2's V118 plus the
-- trigger H2 cannot have: keep the two files' first statements alike.
--
-- Who defined, approved, paused and resumed a campaign, and when (staff.md 6.4: campaign approval,
-- launch and pause are audited): written in the action's transaction, never changed. client is the
-- API client's token fingerprint (the request's principal), client_name its configured name, staff
-- the staff member when the call carries one (none of the API's calls does yet).
CREATE TABLE campaign_audit (
    id          UUID                     NOT NULL PRIMARY KEY,
    campaign_id UUID                     NOT NULL REFERENCES campaigns (id),
    action      VARCHAR(16)              NOT NULL,
    client      VARCHAR(64)              NOT NULL,
    client_name VARCHAR(100),
    staff       VARCHAR(64),
    acted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT campaign_audit_action_known CHECK (action IN ('defined', 'approved', 'paused', 'resumed'))
);
CREATE INDEX campaign_audit_campaign ON campaign_audit (campaign_id, acted_at, id);

-- A referral whose reward to the referrer the ledger refused (no account in the reward's currency,
-- a closed or frozen one): the referral stays rewarded once (its stamp guards replays), but it is
-- counted as refused with the reason, not as a reward, in the campaign's statistics.
ALTER TABLE campaign_referrals ADD COLUMN refused_reason VARCHAR(32);

-- The campaign audit is evidence: the database itself refuses to change or remove a recorded row.
CREATE FUNCTION campaign_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the campaign audit is append-only: % on campaign_audit is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER campaign_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON campaign_audit
    FOR EACH ROW EXECUTE FUNCTION campaign_audit_is_append_only();

CREATE TRIGGER campaign_audit_no_truncate BEFORE TRUNCATE ON campaign_audit
    FOR EACH STATEMENT EXECUTE FUNCTION campaign_audit_is_append_only();
