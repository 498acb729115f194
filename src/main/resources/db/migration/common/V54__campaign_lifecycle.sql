-- Issue 17, campaigns: a schedule (a local date-time read in each recipient's zone), pause and
-- resume, a tracked link with a per-recipient token and its clicks, and what the platform said of
-- each message (its outbox row's id, then accepted / delivered / read / failed).
ALTER TABLE campaigns ADD COLUMN send_at VARCHAR(16);
ALTER TABLE campaigns ADD COLUMN link_url VARCHAR(2000);
ALTER TABLE campaigns DROP CONSTRAINT campaigns_status_known;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_status_known CHECK (status IN ('draft', 'approved', 'sending',
    'paused'));

ALTER TABLE campaign_recipients ADD COLUMN message_id UUID;
ALTER TABLE campaign_recipients ADD COLUMN delivery VARCHAR(16);
ALTER TABLE campaign_recipients ADD COLUMN delivery_reason VARCHAR(200);
ALTER TABLE campaign_recipients ADD COLUMN link_token VARCHAR(32);
ALTER TABLE campaign_recipients ADD COLUMN clicks INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE campaign_recipients ADD COLUMN first_click_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE campaign_recipients ADD CONSTRAINT campaign_recipients_delivery_known CHECK (delivery IS NULL
    OR delivery IN ('accepted', 'delivered', 'read', 'failed'));

-- a platform's report finds its recipient by the outbox row's id; a click by its token
CREATE UNIQUE INDEX campaign_recipients_message ON campaign_recipients (message_id);
CREATE UNIQUE INDEX campaign_recipients_link ON campaign_recipients (link_token);
