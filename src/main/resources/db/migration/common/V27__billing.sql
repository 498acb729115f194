-- Bill payments (issue 15). A pair (bill id, payment id) is paid once: pair_key holds
-- 'billId:paymentId' while the payment holds the pair (awaiting confirmation, pending, unknown,
-- completed) and is NULL once it ended without paying (rejected, failed, not confirmed), so the
-- UNIQUE constraint refuses a second payment of the same pair, concurrent ones included (a UNIQUE
-- column takes any number of NULLs on H2 and PostgreSQL alike). transfer_id is the pending ledger
-- transfer that reserves the money; sent_at is when the biller was (or is being) asked. The
-- step-up page's link is a bearer secret: it is answered once and never stored here.

CREATE TABLE billing_bill_payments (
    id               UUID                     NOT NULL PRIMARY KEY,
    customer_id      UUID                     NOT NULL,
    bill_id          VARCHAR(13)              NOT NULL,
    payment_id       VARCHAR(13)              NOT NULL,
    pair_key         VARCHAR(27),
    amount_minor     BIGINT                   NOT NULL,
    currency         CHAR(3)                  NOT NULL,
    channel          VARCHAR(16)              NOT NULL,
    status           VARCHAR(24)              NOT NULL,
    code             VARCHAR(64),
    transfer_id      UUID,
    trace_number     VARCHAR(64),
    challenge_id     UUID,
    sent_at          TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT billing_bill_payments_pair UNIQUE (pair_key),
    CONSTRAINT billing_bill_payments_amount_positive CHECK (amount_minor > 0),
    CONSTRAINT billing_bill_payments_status CHECK (status IN ('AWAITING_CONFIRMATION', 'PENDING', 'UNKNOWN',
        'COMPLETED', 'FAILED', 'REJECTED', 'NOT_CONFIRMED'))
);

CREATE INDEX billing_bill_payments_customer ON billing_bill_payments (customer_id, created_at);
CREATE INDEX billing_bill_payments_status ON billing_bill_payments (status, updated_at);
