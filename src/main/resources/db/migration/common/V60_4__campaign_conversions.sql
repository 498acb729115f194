-- Issue 17 (3.19): conversions. An application a recipient customer starts within 30 days after a
-- campaign's message was sent to her counts for that campaign (the latest one sent to her: last
-- touch), once per campaign, customer and action ("application:loan").
CREATE TABLE campaign_conversions (
    campaign_id  UUID                     NOT NULL,
    customer_id  UUID                     NOT NULL,
    action       VARCHAR(32)              NOT NULL,
    variant      VARCHAR(8)               NOT NULL,
    reference    VARCHAR(64)              NOT NULL,
    converted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT campaign_conversions_once PRIMARY KEY (campaign_id, customer_id, action)
);
