-- Mobile top-ups (issue 15): idempotent by id; transfer_id is the pending ledger transfer to the
-- operator's settlement account, posted when the operator says paid and voided when it refuses.
-- Statuses as for bill payments.

CREATE TABLE billing_topups (
    id           UUID                     NOT NULL PRIMARY KEY,
    customer_id  UUID                     NOT NULL,
    phone        VARCHAR(16)              NOT NULL,
    operator     VARCHAR(32)              NOT NULL,
    amount_minor BIGINT                   NOT NULL,
    currency     CHAR(3)                  NOT NULL,
    channel      VARCHAR(16)              NOT NULL,
    status       VARCHAR(24)              NOT NULL,
    code         VARCHAR(64),
    transfer_id  UUID,
    trace_number VARCHAR(64),
    sent_at      TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT billing_topups_amount_positive CHECK (amount_minor > 0),
    CONSTRAINT billing_topups_status CHECK (status IN ('PENDING', 'UNKNOWN', 'COMPLETED', 'FAILED', 'REJECTED'))
);

CREATE INDEX billing_topups_customer ON billing_topups (customer_id, created_at);
CREATE INDEX billing_topups_status ON billing_topups (status, updated_at);
