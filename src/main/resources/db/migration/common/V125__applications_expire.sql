-- Applications (review 2026-12-07 applications follow-up): one left waiting on the customer (her
-- form, or her answer to the bank's question) for socialbank.applications.expire-after becomes
-- 'expired' (final), by the expiry janitor, audited as the system's in application_staff_actions.
ALTER TABLE applications DROP CONSTRAINT applications_status;
ALTER TABLE applications ADD CONSTRAINT applications_status
    CHECK (status IN ('started', 'submitted', 'in_review', 'more_info', 'approved', 'declined', 'expired'));
