-- Security review #15: an incoming credit is recognised by the credit feed's own id of the entry
-- (an end-to-end id or a bank entry id), not by the remittance reference: a payer who really pays
-- a request twice sends two credits with one reference, and the second must be sent back
-- (request_not_open), not answered "settled". Credits kept before this version keep their
-- reference as their entry id.
CREATE TABLE incoming_credit_entries (
    entry_id                VARCHAR(64)              NOT NULL PRIMARY KEY,
    reference               VARCHAR(35)              NOT NULL,
    amount_minor            BIGINT                   NOT NULL,
    currency                CHAR(3)                  NOT NULL,
    outcome                 VARCHAR(24)              NOT NULL,
    request_id              UUID REFERENCES money_requests (id),
    transfer_id             UUID,
    received_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT incoming_credit_entries_amount_positive CHECK (amount_minor > 0)
);

INSERT INTO incoming_credit_entries (entry_id, reference, amount_minor, currency, outcome, request_id, transfer_id,
    received_at)
SELECT 'reference:' || reference, reference, amount_minor, currency, outcome, request_id, transfer_id, received_at
FROM incoming_credits;

DROP TABLE incoming_credits;

-- the bank's staff look credits up by reference when a payer asks
CREATE INDEX incoming_credit_entries_reference ON incoming_credit_entries (reference);
