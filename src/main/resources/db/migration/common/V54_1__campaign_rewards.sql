-- Issue 17, campaigns: a reward (cashback) for a qualifying action. A campaign may name a ledger
-- transfer code (the action: 'bill' is a bill paid), an amount and a window after its message; the
-- first such posting by a customer its message reached earns her the cashback, booked in the
-- ledger. campaign_rewards' primary key (campaign, customer) and the cashback's transfer id,
-- derived from the same pair, make it once per customer whatever re-reads the journal.
ALTER TABLE campaigns ADD COLUMN reward_action VARCHAR(32);
ALTER TABLE campaigns ADD COLUMN reward_amount_minor BIGINT;
ALTER TABLE campaigns ADD COLUMN reward_currency CHAR(3);
ALTER TABLE campaigns ADD COLUMN reward_days INTEGER;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_reward_whole CHECK ((reward_action IS NULL AND reward_amount_minor IS NULL
    AND reward_currency IS NULL AND reward_days IS NULL) OR (reward_action IS NOT NULL AND reward_amount_minor > 0
    AND reward_currency IS NOT NULL AND reward_days BETWEEN 1 AND 366));

CREATE TABLE campaign_rewards (
    campaign_id        UUID                     NOT NULL REFERENCES campaigns (id),
    customer_id        UUID                     NOT NULL,
    transfer_id        UUID                     NOT NULL,
    source_transfer_id UUID                     NOT NULL,
    amount_minor       BIGINT                   NOT NULL,
    currency           CHAR(3)                  NOT NULL,
    rewarded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT campaign_rewards_once PRIMARY KEY (campaign_id, customer_id)
);

CREATE TABLE campaign_reward_cursor (
    id            INTEGER NOT NULL PRIMARY KEY,
    last_sequence BIGINT  NOT NULL,
    CONSTRAINT campaign_reward_cursor_single CHECK (id = 1)
);

-- rewards begin with the postings after this version: the journal's past earns nothing
INSERT INTO campaign_reward_cursor (id, last_sequence) SELECT 1, COALESCE(MAX(seq), 0) FROM transfers;
