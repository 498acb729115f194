-- Reread 2026-12-08 alert follow-up of V124.
-- 1. The notices' query reads failure_told IS NULL AND status IN ('FAILED', 'UNKNOWN') AND
--    report_awaited = FALSE: every SMS that reached the phone keeps failure_told NULL forever, so
--    V124's (failure_told, updated_at) index walked all delivered SMS each follower round. This one
--    leads with the query's equalities, so the untold failures are a range of their own (H2 and
--    PostgreSQL both seek IS NULL in a b-tree); delivered, queued and awaited rows are not touched.
-- 2. A failure whose notice throws (a row, a key, the outbox) is counted in failure_tell_tries and,
--    after a few tries, marked 'gave_up' so it stops blocking the failures behind it.
-- 3. A notice is held during her quiet hours, as her alerts are: failure_tell_after says until when.
DROP INDEX alert_sms_failure_told_updated;
CREATE INDEX alert_sms_failure_untold ON alert_sms (failure_told, status, report_awaited, updated_at);
ALTER TABLE alert_sms ADD COLUMN failure_tell_tries INT DEFAULT 0 NOT NULL;
ALTER TABLE alert_sms ADD COLUMN failure_tell_after TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert_sms DROP CONSTRAINT alert_sms_failure_told_known;
ALTER TABLE alert_sms ADD CONSTRAINT alert_sms_failure_told_known
    CHECK (failure_told IS NULL OR (failure_told IN ('chat', 'no_chat', 'before', 'gave_up') AND failure_told_at IS NOT NULL));
