-- Issue 15 s2: PIN vouchers. The PIN is a bearer secret: kept sealed (AES-GCM, a key derived from
-- the configured pepper, the top-up's id as associated data) only until the customer reads it once
-- on the bank's page, then erased; the page is reached by a one-time link kept as a hash.
ALTER TABLE billing_topups DROP CONSTRAINT billing_topups_kind_known;
ALTER TABLE billing_topups ADD CONSTRAINT billing_topups_kind_known CHECK (kind IN ('direct', 'bonus', 'voucher'));

CREATE TABLE billing_vouchers (
    topup_id    UUID                     NOT NULL PRIMARY KEY,
    customer_id UUID                     NOT NULL,
    token_hash  VARCHAR(64)              NOT NULL,
    pin_sealed  VARCHAR(200),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    shown_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT billing_vouchers_token UNIQUE (token_hash)
);
