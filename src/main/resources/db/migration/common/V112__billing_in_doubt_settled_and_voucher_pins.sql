-- Review 2026-12-07 billing follow-up.
--
-- The payments in doubt are listed a page at a time (GET /api/v1/billing/in-doubt?after=), the open
-- ones only if asked (open=true), and operations mark the rows they settled by hand: who (the API
-- client), when and why, once (POST .../in-doubt/{paymentId}/{reason}/settle). A row is kept, never
-- deleted: the list is the audit of what was in doubt and how it ended.
ALTER TABLE billing_payments_in_doubt ADD COLUMN settled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE billing_payments_in_doubt ADD COLUMN settled_by VARCHAR(128);
ALTER TABLE billing_payments_in_doubt ADD COLUMN settled_note VARCHAR(500);
ALTER TABLE billing_payments_in_doubt ADD CONSTRAINT billing_payments_in_doubt_settled
    CHECK ((settled_at IS NULL AND settled_by IS NULL AND settled_note IS NULL)
        OR (settled_at IS NOT NULL AND settled_by IS NOT NULL AND settled_note IS NOT NULL));
-- The list's order and cursor (told_at, payment_id, reason) is the primary key's columns after told_at.
DROP INDEX billing_payments_in_doubt_told;
CREATE INDEX billing_payments_in_doubt_told ON billing_payments_in_doubt (told_at, payment_id, reason);

-- A voucher top-up the operator completed but whose PIN never comes: PIN_NOT_GIVEN, the customer
-- charged and told the PIN is delayed, operations alerted.
ALTER TABLE billing_payments_in_doubt DROP CONSTRAINT billing_payments_in_doubt_reason;
ALTER TABLE billing_payments_in_doubt ADD CONSTRAINT billing_payments_in_doubt_reason
    CHECK (reason IN ('STILL_CHECKING', 'PAID_NOT_BOOKED', 'POSTED_NOT_PAID', 'PIN_NOT_GIVEN'));

-- How often and when the operator was last asked for a voucher's PIN, and when first: the worker
-- asks the never-asked first and then the longest unasked (a voucher whose PIN never comes no longer
-- blocks newer ones), and reports one still without a PIN voucher-pin-wait after the first ask.
ALTER TABLE billing_topups ADD COLUMN pin_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE billing_topups ADD COLUMN pin_first_asked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE billing_topups ADD COLUMN pin_asked_at TIMESTAMP WITH TIME ZONE;
