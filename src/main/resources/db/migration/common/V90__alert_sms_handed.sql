-- Review 2026-12-07 alerts follow-up #1: a claimed alert SMS (SENDING) whose node lost its store
-- before calling the gateway was turned UNKNOWN after ten minutes and never sent, though nothing
-- had left. The row now says whether the gateway may have been called: SENDING is "claimed",
-- HANDED is written (with the send budgets' take, in one transaction) just before the gateway is
-- called. An abandoned SENDING row is queued again, an abandoned HANDED one is UNKNOWN. claim_id
-- names the claim, so a node whose claim was abandoned and taken by another cannot hand it over.
-- Rows SENDING now were claimed by code that did not tell the two apart: they may have left.
ALTER TABLE alert_sms ADD COLUMN claim_id UUID;
ALTER TABLE alert_sms DROP CONSTRAINT alert_sms_status_known;
ALTER TABLE alert_sms ADD CONSTRAINT alert_sms_status_known
    CHECK (status IN ('PENDING', 'SENDING', 'HANDED', 'ACCEPTED', 'SUCCEEDED', 'FAILED', 'UNKNOWN'));
UPDATE alert_sms SET status = 'HANDED' WHERE status = 'SENDING';
