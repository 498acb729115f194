-- Campaigns (review 2026-12-07 campaigns follow-up).
--
-- A refused cashback is recorded like a referrer's already is (V118), with the ledger's reason
-- ('no_account', a closed or frozen account's code): a recipient's in campaign_rewards (the row
-- is written, so no replay books it, but it is not counted a reward), a referral's new customer's
-- on her referral. The campaign's statistics count them refused, per reason.
ALTER TABLE campaign_rewards ADD COLUMN refused_reason VARCHAR(32);
ALTER TABLE campaign_referrals ADD COLUMN referee_refused_reason VARCHAR(32);

-- The weekly cap across campaigns is checked and marked under one row lock per holder (a customer,
-- or an unlinked chat account): a round on any node locks its recipient's holder row before it
-- counts her week's messages, and keeps the lock until the message is marked sent and committed,
-- so two campaigns' rounds on two nodes cannot both see her under the cap. The row is created on
-- first use and never changes; it only carries the lock.
CREATE TABLE campaign_cap_holders (
    holder VARCHAR(160) NOT NULL PRIMARY KEY
);
