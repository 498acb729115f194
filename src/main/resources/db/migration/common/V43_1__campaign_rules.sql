-- Campaigns (issue 17, part 3): rules per campaign (a weekly cap per recipient, quiet hours in the
-- recipient's zone, a segment, an A/B split with a control group), the audience expanded a page
-- at a time after approval (resumable: the cursor is on the campaign row, written with the page),
-- and per recipient a variant, a time before which it is not sent and more states.
ALTER TABLE campaigns ADD COLUMN weekly_cap INTEGER DEFAULT 2 NOT NULL;
ALTER TABLE campaigns ADD COLUMN quiet_from VARCHAR(5) DEFAULT '21:00';
ALTER TABLE campaigns ADD COLUMN quiet_to VARCHAR(5) DEFAULT '09:00';
ALTER TABLE campaigns ADD COLUMN control_percent INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE campaigns ADD COLUMN segment_languages VARCHAR(64);
ALTER TABLE campaigns ADD COLUMN segment_kyc VARCHAR(64);
ALTER TABLE campaigns ADD COLUMN expand_channel VARCHAR(16);
ALTER TABLE campaigns ADD COLUMN expand_after VARCHAR(128);
ALTER TABLE campaigns ADD COLUMN expanded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE campaigns DROP CONSTRAINT campaigns_status_known;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_status_known CHECK (status IN ('draft', 'approved', 'sending'));
ALTER TABLE campaigns ADD CONSTRAINT campaigns_rules_valid CHECK (weekly_cap BETWEEN 1 AND 50
    AND control_percent BETWEEN 0 AND 50);

ALTER TABLE campaign_texts ADD COLUMN variant VARCHAR(8) DEFAULT 'A' NOT NULL;
ALTER TABLE campaign_texts DROP CONSTRAINT campaign_texts_pk;
ALTER TABLE campaign_texts ADD CONSTRAINT campaign_texts_pk PRIMARY KEY (campaign_id, variant, language);

ALTER TABLE campaign_recipients ADD COLUMN variant VARCHAR(8) DEFAULT 'A' NOT NULL;
ALTER TABLE campaign_recipients ADD COLUMN not_before TIMESTAMP WITH TIME ZONE;
ALTER TABLE campaign_recipients DROP CONSTRAINT campaign_recipients_status_known;
ALTER TABLE campaign_recipients ADD CONSTRAINT campaign_recipients_status_known CHECK (status IN ('queued', 'sent',
    'failed', 'opted_out', 'capped', 'excluded', 'control'));

-- the frequency cap's count: messages sent to one account in the last seven days, every campaign
CREATE INDEX campaign_recipients_account ON campaign_recipients (channel, external_user_id, status, updated_at);
