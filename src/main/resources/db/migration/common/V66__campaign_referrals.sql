-- Issue 17 3.17: referral rewards. A campaign's reward may be for referrals: a recipient shares her
-- tracked link (the bank's page gets her token as ?ref=), the bank records the new customer who
-- came by it, and when that new customer makes the reward's action (a posting code such as 'bill')
-- within the window, the referrer earns the reward, and the new customer too when the campaign
-- says so. Fraud guards: never oneself (CHECK, and the phones compared when recording), one
-- referral per new customer and per phone ever (UNIQUE), at most referrals_max per referrer (the
-- campaign's row locked while recording). The reward's transfer ids are derived from the referral.
ALTER TABLE campaigns ADD COLUMN reward_referral BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE campaigns ADD COLUMN reward_referee BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE campaigns ADD COLUMN referrals_max INTEGER;

CREATE TABLE campaign_referrals (
    campaign_id          UUID                     NOT NULL REFERENCES campaigns (id),
    referrer_customer_id UUID                     NOT NULL,
    referee_customer_id  UUID                     NOT NULL,
    referee_phone        VARCHAR(32),
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    rewarded_at          TIMESTAMP WITH TIME ZONE,
    source_transfer_id   UUID,
    CONSTRAINT campaign_referrals_pk PRIMARY KEY (campaign_id, referee_customer_id),
    CONSTRAINT campaign_referrals_referee_once UNIQUE (referee_customer_id),
    CONSTRAINT campaign_referrals_phone_once UNIQUE (referee_phone),
    CONSTRAINT campaign_referrals_not_self CHECK (referrer_customer_id <> referee_customer_id)
);
CREATE INDEX campaign_referrals_referrer ON campaign_referrals (campaign_id, referrer_customer_id);
