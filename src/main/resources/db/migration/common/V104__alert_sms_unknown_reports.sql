-- Review 2026-12-07 alerts follow-up: an alert SMS the gateway answered UNKNOWN at the send (it
-- could not tell, e.g. a timeout after the request left) but with its id of the message was never
-- asked about: the janitor read only ACCEPTED rows. report_awaited says "the gateway gave an id
-- and no final report came yet": set with ACCEPTED, and with UNKNOWN when the send's answer
-- carries a delivery id; cleared when the janitor settles the row (SUCCEEDED, FAILED, or UNKNOWN
-- for good: an id the gateway does not know, or no report within sms-reports.wait-max), so a row
-- is never asked about again. A row the abandoned-claims janitor made UNKNOWN (the node sending
-- it stopped) has no delivery id and never gets it. The janitor's query reads
-- (report_awaited, updated_at): the UNKNOWN rows given up on, which pile up, are not scanned.
ALTER TABLE alert_sms ADD COLUMN report_awaited BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX alert_sms_report_awaited_updated ON alert_sms (report_awaited, updated_at);
ALTER TABLE alert_sms ADD CONSTRAINT alert_sms_report_awaited_known
    CHECK (report_awaited = FALSE OR (status IN ('ACCEPTED', 'UNKNOWN') AND delivery_id IS NOT NULL));
-- Existing rows: every accepted one with an id, and the send's UNKNOWN ones with an id that the
-- janitor has not already given up on (its reasons below).
UPDATE alert_sms SET report_awaited = TRUE
    WHERE delivery_id IS NOT NULL
      AND (status = 'ACCEPTED'
           OR (status = 'UNKNOWN'
               AND (reason IS NULL
                    OR (reason NOT LIKE 'the gateway knows no message %'
                        AND reason NOT LIKE 'no delivery report within %'
                        AND reason <> 'the node sending it stopped before the gateway answered'))));
