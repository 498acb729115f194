-- Issue 17: daily digests of transaction alerts and SMS as the last resort.
-- A customer may take her alerts as one digest a day (alert_settings.delivery); each alert of such
-- a customer waits as 'digest' for the day it belongs to in her zone (digest_day) until the digest
-- goes ('digested'). alert_digests has one row per customer and day: its primary key makes the
-- digest job idempotent, whichever node runs it.
ALTER TABLE alert_settings ADD COLUMN delivery VARCHAR(8) DEFAULT 'instant' NOT NULL;
ALTER TABLE alert_settings ADD CONSTRAINT alert_settings_delivery_known CHECK (delivery IN ('instant', 'daily'));

ALTER TABLE transaction_alerts ADD COLUMN digest_day DATE;
ALTER TABLE transaction_alerts DROP CONSTRAINT transaction_alerts_status_known;
ALTER TABLE transaction_alerts ADD CONSTRAINT transaction_alerts_status_known CHECK (status IN ('held', 'sent',
    'suppressed', 'no_chat', 'told_elsewhere', 'digest', 'digested', 'sms'));

-- the digest job's query: status = 'digest' AND due_at <= now, per (customer, day)
CREATE INDEX transaction_alerts_digest ON transaction_alerts (customer_id, digest_day, status);

CREATE TABLE alert_digests (
    customer_id UUID                     NOT NULL,
    digest_day  DATE                     NOT NULL,
    id          UUID                     NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    postings    INTEGER                  NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT alert_digests_once PRIMARY KEY (customer_id, digest_day),
    CONSTRAINT alert_digests_status_known CHECK (status IN ('sent', 'no_chat'))
);

-- An alert that no private chat can carry goes by SMS when it is large enough and the customer has a
-- verified phone: this is its outbox row, written in the transaction that decided it. It moves
-- PENDING -> SENDING (claimed by one node) -> SUCCEEDED | FAILED | UNKNOWN, never back: a message
-- whose fate cannot be told is not sent twice.
CREATE TABLE alert_sms (
    alert_id    UUID                     NOT NULL PRIMARY KEY REFERENCES transaction_alerts (id),
    customer_id UUID                     NOT NULL,
    to_e164     VARCHAR(16)              NOT NULL,
    text        VARCHAR(480)             NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    delivery_id VARCHAR(128),
    reason      VARCHAR(500),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT alert_sms_status_known CHECK (status IN ('PENDING', 'SENDING', 'SUCCEEDED', 'FAILED', 'UNKNOWN'))
);

CREATE INDEX alert_sms_status ON alert_sms (status, created_at);
