-- Campaigns (issue 17, part 3, first cut): a marketing message per language, approved by a second
-- person, sent only to chat accounts whose marketing consent is given, with a state per recipient.
-- The primary key of campaign_recipients is what makes a campaign reach one account at most once.
CREATE TABLE campaigns (
    id          UUID                     NOT NULL PRIMARY KEY,
    name        VARCHAR(200)             NOT NULL,
    channel     VARCHAR(16),
    status      VARCHAR(16)              NOT NULL,
    created_by  VARCHAR(64)              NOT NULL,
    approved_by VARCHAR(64),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT campaigns_status_known CHECK (status IN ('draft', 'approved')),
    CONSTRAINT campaigns_four_eyes CHECK (approved_by IS NULL OR approved_by <> created_by)
);

CREATE TABLE campaign_texts (
    campaign_id UUID          NOT NULL REFERENCES campaigns (id),
    language    VARCHAR(8)    NOT NULL,
    text        VARCHAR(4000) NOT NULL,
    CONSTRAINT campaign_texts_pk PRIMARY KEY (campaign_id, language)
);

CREATE TABLE campaign_recipients (
    campaign_id      UUID                     NOT NULL REFERENCES campaigns (id),
    channel          VARCHAR(16)              NOT NULL,
    external_user_id VARCHAR(128)             NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    reason           VARCHAR(32),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT campaign_recipients_once PRIMARY KEY (campaign_id, channel, external_user_id),
    CONSTRAINT campaign_recipients_status_known CHECK (status IN ('queued', 'sent', 'failed', 'opted_out'))
);

-- the sender's query: status = 'queued', oldest campaign first
CREATE INDEX campaign_recipients_queued ON campaign_recipients (status, campaign_id);
-- consent's keyset over accounts whose marketing consent is given
CREATE INDEX consents_given ON consents (purpose, status, channel, external_user_id);
