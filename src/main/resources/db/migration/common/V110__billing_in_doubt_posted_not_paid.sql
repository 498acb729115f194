-- Review 2026-12-07 billing follow-up. POSTED_NOT_PAID: a payment its provider refused or never
-- received whose pending transfer had been posted by hand (docs/billing.md lets operations end a
-- payment so): the customer's money was taken for nothing; operations give it back. Before, the
-- janitor's void failed on it in every round and stopped the round, so no other payment of its
-- kind was re-checked.
ALTER TABLE billing_payments_in_doubt DROP CONSTRAINT billing_payments_in_doubt_reason;
ALTER TABLE billing_payments_in_doubt ADD CONSTRAINT billing_payments_in_doubt_reason
    CHECK (reason IN ('STILL_CHECKING', 'PAID_NOT_BOOKED', 'POSTED_NOT_PAID'));
