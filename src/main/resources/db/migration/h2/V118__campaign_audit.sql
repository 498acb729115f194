-- Campaigns (review 2026-12-07 campaigns follow-up). The same change as PostgreSQL's V118 but its
-- trigger: keep the two files' first statements alike.
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

-- H2 has no SQL triggers (only Java ones, and H2 is not on the application's compile path): on the
-- embedded default the campaign audit stays insert-only by code (JdbcCampaignAudit only inserts).
-- PostgreSQL enforces it.
