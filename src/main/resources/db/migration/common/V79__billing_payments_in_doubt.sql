-- Review 2026-12-07 money #4. A billing payment (bill, top-up, card transfer, account bill) the
-- customer was told about before it ended, once per payment and reason: STILL_CHECKING, its
-- provider gave no answer for pending-timeout (the money stays held, the janitor keeps asking);
-- PAID_NOT_BOOKED, its provider paid but the ledger would not post the reservation (one made with a
-- timeout before this version that lapsed, or a frozen account), so the money was not taken.
-- Operations list them here (and from the ERROR log lines that name the same ids).
CREATE TABLE billing_payments_in_doubt (
    payment_id  UUID                     NOT NULL,
    reason      VARCHAR(16)              NOT NULL,
    kind        VARCHAR(24)              NOT NULL,
    customer_id UUID                     NOT NULL,
    transfer_id UUID                     NOT NULL,
    told_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (payment_id, reason),
    CONSTRAINT billing_payments_in_doubt_reason CHECK (reason IN ('STILL_CHECKING', 'PAID_NOT_BOOKED'))
);
CREATE INDEX billing_payments_in_doubt_told ON billing_payments_in_doubt (told_at);
