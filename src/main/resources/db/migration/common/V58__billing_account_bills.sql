-- Issue 15 s1.13: bills of other countries' billers, paid by the customer's account number at the
-- biller ("交电费 <account>", "payer EDF 12345678901234"). A question asked in chat is recorded in
-- the message's transaction and answered by a worker that asks the biller (never inside a
-- transaction); the answer (amount due, masked holder, due date, or why not) is kept with it.
CREATE TABLE billing_account_bill_inquiries (
    id            UUID                     NOT NULL PRIMARY KEY,
    customer_id   UUID                     NOT NULL,
    biller_id     VARCHAR(48)              NOT NULL,
    account       VARCHAR(34)              NOT NULL,
    channel       VARCHAR(16)              NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    amount_minor  BIGINT,
    currency      CHAR(3),
    due_date      DATE,
    holder_masked VARCHAR(64),
    code          VARCHAR(64),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT billing_account_bill_inquiries_status CHECK (status IN ('ASKING', 'DUE', 'NOT_DUE')),
    CONSTRAINT billing_account_bill_inquiries_amount CHECK (amount_minor IS NULL OR amount_minor > 0)
);

CREATE INDEX billing_account_bill_inquiries_status ON billing_account_bill_inquiries (status, created_at);

-- One payment per answered inquiry (its id derives from the inquiry's, and inquiry_id is UNIQUE):
-- transfer_id is the pending ledger transfer to the biller's settlement account, posted when the
-- biller says paid, voided when it refuses; the payment's id is the idempotency key sent to the
-- biller. Statuses as for Iranian bills: PENDING -> COMPLETED | FAILED | UNKNOWN, or REJECTED.
CREATE TABLE billing_account_bill_payments (
    id           UUID                     NOT NULL PRIMARY KEY,
    inquiry_id   UUID                     NOT NULL,
    customer_id  UUID                     NOT NULL,
    biller_id    VARCHAR(48)              NOT NULL,
    account      VARCHAR(34)              NOT NULL,
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
    CONSTRAINT billing_account_bill_payments_inquiry UNIQUE (inquiry_id),
    CONSTRAINT billing_account_bill_payments_amount CHECK (amount_minor > 0),
    CONSTRAINT billing_account_bill_payments_status
        CHECK (status IN ('PENDING', 'UNKNOWN', 'COMPLETED', 'FAILED', 'REJECTED'))
);

CREATE INDEX billing_account_bill_payments_status ON billing_account_bill_payments (status, updated_at);
CREATE INDEX billing_account_bill_payments_customer ON billing_account_bill_payments (customer_id, created_at);
