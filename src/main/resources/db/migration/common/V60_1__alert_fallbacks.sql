-- Issue 17 (1.8): when a platform refuses an alert (the bot blocked, the window closed and no
-- template), the alert goes to the customer's next linked chat, in her order (chat_order: network
-- wire names, comma-separated, after the preferred one), and by SMS only when every chat refused.
-- alert_attempts keeps each chat an alert was written to, under the outbox row's id, so the relay's
-- report of a refusal finds its alert; the status changes once ('sent' -> 'refused'), so a report
-- that comes twice moves the alert on once. 'refused': every chat refused it and no SMS could go.
ALTER TABLE alert_settings ADD COLUMN chat_order VARCHAR(128);

ALTER TABLE transaction_alerts DROP CONSTRAINT transaction_alerts_status_known;
ALTER TABLE transaction_alerts ADD CONSTRAINT transaction_alerts_status_known CHECK (status IN ('held', 'sent',
    'suppressed', 'no_chat', 'told_elsewhere', 'digest', 'digested', 'sms', 'refused'));

CREATE TABLE alert_attempts (
    message_id  UUID                     NOT NULL PRIMARY KEY,
    alert_id    UUID                     NOT NULL,
    identity_id UUID                     NOT NULL,
    channel     VARCHAR(16)              NOT NULL,
    status      VARCHAR(8)               NOT NULL,
    reason      VARCHAR(256),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT alert_attempts_status_known CHECK (status IN ('sent', 'refused'))
);

CREATE INDEX alert_attempts_alert ON alert_attempts (alert_id);
