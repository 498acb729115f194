-- The sender's round reads queued recipients in (campaign, network, account) order: an index in
-- that order lets it stop after the round's rows instead of sorting every queued row of a
-- million-recipient campaign each round. It replaces the (status, campaign_id) one.
CREATE INDEX campaign_recipients_due ON campaign_recipients (status, campaign_id, channel, external_user_id);
DROP INDEX campaign_recipients_queued;
