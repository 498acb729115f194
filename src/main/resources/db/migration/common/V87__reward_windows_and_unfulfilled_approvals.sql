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
