-- Issue 16 s4: the underwriting's verdict on a submitted application, and loans paid out on
-- approval with their annuity schedule.
ALTER TABLE applications ADD COLUMN assessment VARCHAR(16);
ALTER TABLE applications ADD COLUMN assessment_reasons VARCHAR(500);

-- One loan per approved loan application (its id derived from the application's). account_id is
-- the loan's own ledger account (debit-normal: what is still owed); payout_account_id is the
-- customer's account it was paid into and instalments are collected from.
CREATE TABLE loans (
    id                         UUID                     NOT NULL PRIMARY KEY,
    application_id             UUID                     NOT NULL,
    customer_id                UUID                     NOT NULL,
    account_id                 UUID                     NOT NULL,
    payout_account_id          UUID                     NOT NULL,
    currency                   CHAR(3)                  NOT NULL,
    principal_minor            BIGINT                   NOT NULL,
    annual_rate_basis_points   INTEGER                  NOT NULL,
    term_months                INTEGER                  NOT NULL,
    instalment_minor           BIGINT                   NOT NULL,
    disbursed_on               DATE                     NOT NULL,
    payout_transfer_id         UUID                     NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT loans_application UNIQUE (application_id),
    CONSTRAINT loans_amounts CHECK (principal_minor > 0 AND instalment_minor > 0 AND term_months > 0
        AND annual_rate_basis_points >= 0)
);

CREATE INDEX loans_customer ON loans (customer_id, created_at);

-- The schedule: one row per instalment. due -> paid, or due -> late -> paid (late: a collection
-- found too little money; the customer was told once and the job keeps trying).
CREATE TABLE loan_instalments (
    loan_id         UUID                     NOT NULL REFERENCES loans (id),
    instalment_no   INTEGER                  NOT NULL,
    due_on          DATE                     NOT NULL,
    principal_minor BIGINT                   NOT NULL,
    interest_minor  BIGINT                   NOT NULL,
    status          VARCHAR(8)               NOT NULL,
    paid_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (loan_id, instalment_no),
    CONSTRAINT loan_instalments_status CHECK (status IN ('due', 'late', 'paid')),
    CONSTRAINT loan_instalments_amounts CHECK (principal_minor >= 0 AND interest_minor >= 0)
);

CREATE INDEX loan_instalments_open ON loan_instalments (status, due_on);
