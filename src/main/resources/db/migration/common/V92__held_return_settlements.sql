-- Review 2026-12-07 money follow-up: operations settle a held return ('return_held') by hand, when
-- the payer's account is closed (the ledger never reopens one) or otherwise will not take it. One
-- row per payment (its primary key: settled once), keyed by the operator's Idempotency-Key (UNIQUE:
-- a retry of the same request answers the same settlement), written in the transaction that moves
-- the money to another account of the payer's and makes the payment 'returned' ('settled_by_hand').
CREATE TABLE held_return_settlements (
    payment_id      UUID                     NOT NULL PRIMARY KEY,
    idempotency_key VARCHAR(255)             NOT NULL,
    to_account_id   UUID                     NOT NULL,
    transfer_id     UUID                     NOT NULL,
    reason          VARCHAR(500)             NOT NULL,
    settled_by      VARCHAR(200)             NOT NULL,
    settled_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT held_return_settlements_key UNIQUE (idempotency_key),
    CONSTRAINT held_return_settlements_payment FOREIGN KEY (payment_id) REFERENCES payments (id)
);
