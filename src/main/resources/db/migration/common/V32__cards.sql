-- Cards (issue 16). A card number is never stored whole: only masked (first six and last four
-- digits) and as a keyed hash (HMAC-SHA256 under a key derived from the bank's pepper).

CREATE TABLE cards (
    id                UUID                     NOT NULL PRIMARY KEY,
    customer_id       UUID                     NOT NULL,
    kind              VARCHAR(8)               NOT NULL,
    masked_number     VARCHAR(19)              NOT NULL,
    number_hash       VARCHAR(64)              NOT NULL,
    account_id        UUID                     NOT NULL,
    currency          CHAR(3)                  NOT NULL,
    status            VARCHAR(8)               NOT NULL,
    limit_minor       BIGINT                   NOT NULL,
    statement_day     INTEGER,
    next_statement_on DATE,
    issued_on         DATE                     NOT NULL,
    expires_on        DATE                     NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cards_number_hash UNIQUE (number_hash),
    CONSTRAINT cards_kind CHECK (kind IN ('DEBIT', 'CREDIT')),
    CONSTRAINT cards_status CHECK (status IN ('ACTIVE', 'LOCKED', 'BLOCKED', 'EXPIRED')),
    CONSTRAINT cards_limit CHECK (limit_minor >= 0),
    CONSTRAINT cards_statement_day CHECK (statement_day IS NULL OR statement_day BETWEEN 1 AND 28)
);

CREATE INDEX cards_customer ON cards (customer_id, created_at);
CREATE INDEX cards_next_statement ON cards (next_statement_on, id);

-- What the card processor's feed and the repayments did to a card, by the day it happened: the
-- statement job sums a cycle from here. The feed's (or the repayment's) id is the key, so a
-- transaction delivered twice is booked once; a declined one is kept with its code.
CREATE TABLE card_transactions (
    id           UUID                     NOT NULL PRIMARY KEY,
    card_id      UUID                     NOT NULL REFERENCES cards (id),
    kind         VARCHAR(16)              NOT NULL,
    amount_minor BIGINT                   NOT NULL,
    currency     CHAR(3)                  NOT NULL,
    occurred_on  DATE                     NOT NULL,
    merchant     VARCHAR(64),
    status       VARCHAR(8)               NOT NULL,
    code         VARCHAR(64),
    transfer_id  UUID,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT card_transactions_kind CHECK (kind IN ('PURCHASE', 'REFUND', 'CASH_WITHDRAWAL', 'REPAYMENT')),
    CONSTRAINT card_transactions_status CHECK (status IN ('BOOKED', 'DECLINED')),
    CONSTRAINT card_transactions_amount CHECK (amount_minor > 0)
);

CREATE INDEX card_transactions_cycle ON card_transactions (card_id, occurred_on);

-- One statement per card and statement date: the UNIQUE constraint is what keeps two nodes from
-- generating the same statement twice. NEW until its fee and interest are booked in the ledger.
CREATE TABLE card_statements (
    id                     UUID                     NOT NULL PRIMARY KEY,
    card_id                UUID                     NOT NULL REFERENCES cards (id),
    statement_date         DATE                     NOT NULL,
    due_date               DATE                     NOT NULL,
    grace_ends_on          DATE                     NOT NULL,
    currency               CHAR(3)                  NOT NULL,
    previous_balance_minor BIGINT                   NOT NULL,
    purchases_minor        BIGINT                   NOT NULL,
    credits_minor          BIGINT                   NOT NULL,
    late_fee_minor         BIGINT                   NOT NULL,
    interest_minor         BIGINT                   NOT NULL,
    balance_minor          BIGINT                   NOT NULL,
    minimum_payment_minor  BIGINT                   NOT NULL,
    status                 VARCHAR(8)               NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT card_statements_once UNIQUE (card_id, statement_date),
    CONSTRAINT card_statements_status CHECK (status IN ('NEW', 'BOOKED')),
    CONSTRAINT card_statements_fees CHECK (late_fee_minor >= 0 AND interest_minor >= 0
        AND minimum_payment_minor >= 0)
);

CREATE INDEX card_statements_status ON card_statements (status, created_at);

-- Repayments of a credit card: the client's id is the key; a refusal that depended on the
-- balances is kept too, so the same request always gets the same answer.
CREATE TABLE card_repayments (
    id           UUID                     NOT NULL PRIMARY KEY,
    card_id      UUID                     NOT NULL REFERENCES cards (id),
    amount_minor BIGINT                   NOT NULL,
    currency     CHAR(3)                  NOT NULL,
    status       VARCHAR(8)               NOT NULL,
    code         VARCHAR(64),
    from_account UUID,
    transfer_id  UUID,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT card_repayments_status CHECK (status IN ('REPAID', 'REFUSED'))
);
