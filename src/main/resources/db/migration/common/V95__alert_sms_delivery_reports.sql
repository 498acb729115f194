-- Review 2026-12-07 alerts follow-up: an alert SMS the gateway accepted (ACCEPTED, its PENDING)
-- stayed so forever: no delivery report reached the bank, so a failed one was never known. The
-- SmsGateway SPI now answers status(deliveryId), and a janitor asks it about the ACCEPTED rows
-- untouched for sms-reports.recheck-after (updated_at: when accepted, or last asked; a node
-- claims a row by moving it), until sms-reports.wait-max after the row was queued, then UNKNOWN.
-- Its query, and the abandoned claims' one, read (status, updated_at).
CREATE INDEX alert_sms_status_updated ON alert_sms (status, updated_at);

-- The developer SMS inbox plays the phone network too: a kept message reports delivered unless a
-- developer or a test said it failed (with why) or is still pending.
ALTER TABLE dev_sms_inbox ADD COLUMN report VARCHAR(16);
ALTER TABLE dev_sms_inbox ADD COLUMN report_reason VARCHAR(500);
ALTER TABLE dev_sms_inbox ADD CONSTRAINT dev_sms_inbox_report_known CHECK (report IN ('FAILED', 'PENDING'));
