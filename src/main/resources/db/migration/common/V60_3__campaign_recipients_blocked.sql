-- Issue 17 (3.15): a recipient whose chat account blocked the bank is 'blocked', apart from the
-- other failures: at sending time (the account is known unreachable: the bot was blocked, the user
-- unsubscribed), or as the delivery the platform reported (a refusal that marked it unreachable).
ALTER TABLE campaign_recipients DROP CONSTRAINT campaign_recipients_status_known;
ALTER TABLE campaign_recipients ADD CONSTRAINT campaign_recipients_status_known CHECK (status IN ('queued', 'sent',
    'failed', 'opted_out', 'capped', 'excluded', 'control', 'blocked'));
ALTER TABLE campaign_recipients DROP CONSTRAINT campaign_recipients_delivery_known;
ALTER TABLE campaign_recipients ADD CONSTRAINT campaign_recipients_delivery_known CHECK (delivery IS NULL
    OR delivery IN ('accepted', 'delivered', 'read', 'failed', 'blocked'));
