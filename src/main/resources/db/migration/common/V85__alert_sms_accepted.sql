-- Review 2026-12-07 alerts #1: an alert SMS the gateway accepted ("will report later", its
-- PENDING) was stored PENDING, which this outbox reads as "queued, not sent yet": it was claimed
-- and sent again every round, until the customer's daily SMS budget was spent. The gateway's
-- PENDING is now ACCEPTED, never taken again; PENDING keeps meaning queued. Rows the gateway
-- answered always hold its delivery id and queued rows never do, so the accepted ones among the
-- existing PENDING rows are told apart by it.
ALTER TABLE alert_sms DROP CONSTRAINT alert_sms_status_known;
ALTER TABLE alert_sms ADD CONSTRAINT alert_sms_status_known
    CHECK (status IN ('PENDING', 'SENDING', 'ACCEPTED', 'SUCCEEDED', 'FAILED', 'UNKNOWN'));
UPDATE alert_sms SET status = 'ACCEPTED' WHERE status = 'PENDING' AND delivery_id IS NOT NULL;
