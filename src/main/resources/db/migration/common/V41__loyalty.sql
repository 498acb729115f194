-- Loyalty points (issue 16 s3, ADR 0011): the points themselves are ledger accounts in the unit
-- QPT; these tables keep what balances do not: each accrual's age (for expiry, first in first
-- out), the journal follower's place, and redemptions by the client's id.

-- One row per customer who ever earned: the lock every change of their points takes.
CREATE TABLE loyalty_members (
    customer_id UUID                     NOT NULL PRIMARY KEY,
    account_id  UUID                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One lot per source transfer (a card purchase, a p2p payment): earned once, whatever re-reads
-- the journal. points_left is what redemptions and expiry have not taken yet.
CREATE TABLE loyalty_lots (
    id                 UUID                     NOT NULL PRIMARY KEY,
    customer_id        UUID                     NOT NULL REFERENCES loyalty_members (customer_id),
    source_transfer_id UUID                     NOT NULL,
    source_code        VARCHAR(32)              NOT NULL,
    points             BIGINT                   NOT NULL,
    points_left        BIGINT                   NOT NULL,
    earned_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT loyalty_lots_source UNIQUE (source_transfer_id),
    CONSTRAINT loyalty_lots_points CHECK (points > 0 AND points_left >= 0 AND points_left <= points)
);

CREATE INDEX loyalty_lots_customer ON loyalty_lots (customer_id, expires_at);
CREATE INDEX loyalty_lots_due ON loyalty_lots (expires_at, points_left);

-- The journal follower's place; earning begins with the postings after this version.
CREATE TABLE loyalty_cursor (
    id            INTEGER NOT NULL PRIMARY KEY,
    last_sequence BIGINT  NOT NULL,
    CONSTRAINT loyalty_cursor_single CHECK (id = 1)
);

INSERT INTO loyalty_cursor (id, last_sequence) SELECT 1, COALESCE(MAX(seq), 0) FROM transfers;

-- Redemptions by the client's id, with the answer each got (a refusal is kept with its code).
CREATE TABLE loyalty_redemptions (
    id           UUID                     NOT NULL PRIMARY KEY,
    customer_id  UUID                     NOT NULL,
    kind         VARCHAR(32)              NOT NULL,
    points       BIGINT                   NOT NULL,
    card_id      UUID,
    masked_number VARCHAR(32),
    amount_minor BIGINT                   NOT NULL,
    currency     CHAR(3),
    status       VARCHAR(16)              NOT NULL,
    code         VARCHAR(48),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT loyalty_redemptions_status CHECK (status IN ('redeemed', 'refused'))
);

CREATE INDEX loyalty_redemptions_customer ON loyalty_redemptions (customer_id, created_at);
