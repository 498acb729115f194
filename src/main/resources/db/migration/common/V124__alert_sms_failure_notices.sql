-- Review 2026-12-07 alert follow-up: an alert SMS that failed for good (FAILED, or UNKNOWN awaiting
-- no report) was listed for staff only; the customer was not told in the chats she has linked.
-- Now she is, once per failure: failure_told says what was done about it, 'chat' (a notice went
-- to her first reachable chat, in the transaction that set it) or 'no_chat' (she had none that
-- could reach her), set by a conditional update so that two nodes never both tell her. The rows
-- that had failed before this migration are 'before': nobody is told of an old failure now.
-- The notices' query reads (failure_told, updated_at): the told rows, which pile up, are not scanned.
ALTER TABLE alert_sms ADD COLUMN failure_told VARCHAR(16);
ALTER TABLE alert_sms ADD COLUMN failure_told_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert_sms ADD CONSTRAINT alert_sms_failure_told_known
    CHECK (failure_told IS NULL OR (failure_told IN ('chat', 'no_chat', 'before') AND failure_told_at IS NOT NULL));
UPDATE alert_sms SET failure_told = 'before', failure_told_at = updated_at
    WHERE status IN ('FAILED', 'UNKNOWN') AND report_awaited = FALSE;
CREATE INDEX alert_sms_failure_told_updated ON alert_sms (failure_told, updated_at);
