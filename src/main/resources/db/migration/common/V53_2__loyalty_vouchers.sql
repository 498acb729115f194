-- Issue 16 s3: points redeemed for a partner's voucher through the rewards SPI. The points are held
-- by a pending ledger transfer while the partner is asked (pending), then posted (issued) or voided
-- (failed); a lost answer stays pending until the partner's status query settles it.
CREATE TABLE loyalty_vouchers (
    id                UUID                     NOT NULL PRIMARY KEY,
    customer_id       UUID                     NOT NULL,
    reward            VARCHAR(32)              NOT NULL,
    points            BIGINT                   NOT NULL,
    status            VARCHAR(16)              NOT NULL,
    voucher_code      VARCHAR(64),
    reason            VARCHAR(64),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT loyalty_vouchers_status CHECK (status IN ('pending', 'issued', 'failed', 'refused')),
    CONSTRAINT loyalty_vouchers_points CHECK (points >= 0)
);

CREATE INDEX loyalty_vouchers_customer ON loyalty_vouchers (customer_id, created_at);
CREATE INDEX loyalty_vouchers_pending ON loyalty_vouchers (status, updated_at);
