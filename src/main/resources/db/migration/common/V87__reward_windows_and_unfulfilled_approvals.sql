-- Campaign rewards: the end of each campaign's reward window (review 2026-12-07). The reward
-- follower read only the oldest 100 approved, sending or paused reward campaigns, so the 101st
-- rewarded no one; it now reads every campaign whose window has not ended before the postings it
-- reads, page after page, and never one whose window ended. reward_until is the last instant a
-- posting can still earn: a message sent (or, for a referral, a new customer recorded) plus the
-- reward's days, moved later by the sender and by referrals, never earlier. NULL: nothing sent yet.
ALTER TABLE campaigns ADD COLUMN reward_until TIMESTAMP WITH TIME ZONE;

UPDATE campaigns SET reward_until = (SELECT MAX(r.updated_at) FROM campaign_recipients r
    WHERE r.campaign_id = campaigns.id AND r.status = 'sent') + reward_days * INTERVAL '1' DAY
    WHERE reward_action IS NOT NULL AND reward_referral = FALSE;

UPDATE campaigns SET reward_until = (SELECT MAX(f.recorded_at) FROM campaign_referrals f
    WHERE f.campaign_id = campaigns.id) + reward_days * INTERVAL '1' DAY
    WHERE reward_action IS NOT NULL AND reward_referral = TRUE;

CREATE INDEX campaigns_reward_open ON campaigns (reward_action, reward_until);

-- Applications (review 2026-12-07): an approved loan not paid out, or an approved card not issued,
-- is recorded with its reason, told in her chat and listed for staff; fulfilment_retry_at is when
-- the janitor tries again (a frozen account may be unfrozen), NULL when it cannot pass and staff
-- decide. A missed instalment keeps why the ledger refused it; 'held' (her account is closed)
-- is no longer tried by the job and is listed for staff.
ALTER TABLE applications ADD COLUMN fulfilment VARCHAR(16);
ALTER TABLE applications ADD COLUMN fulfilment_reason VARCHAR(64);
ALTER TABLE applications ADD COLUMN fulfilment_retry_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE applications ADD CONSTRAINT applications_fulfilment CHECK (fulfilment IS NULL
    OR fulfilment IN ('not_paid_out', 'not_issued'));
CREATE INDEX applications_unfulfilled ON applications (fulfilment, fulfilment_retry_at);

ALTER TABLE loan_instalments ADD COLUMN missed_reason VARCHAR(32);
ALTER TABLE loan_instalments DROP CONSTRAINT loan_instalments_status;
ALTER TABLE loan_instalments ADD CONSTRAINT loan_instalments_status CHECK (status IN ('due', 'late', 'held',
    'paid'));
-- the late ones so far were told "not enough money": that reason is not told again
UPDATE loan_instalments SET missed_reason = 'exceeds_credits' WHERE status = 'late';
