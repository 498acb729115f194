-- Payments by alias: to a customer (one ledger transfer) or to someone who is not one yet (a
-- pending transfer into the bank's escrow account, claimed through a one-time page).

-- The id is the caller's: replaying it returns the same payment. The payee is kept as the
-- normalized alias typed (network is '' for phones, e-mails and tags, as in aliases); the claim
-- secrets are stored only as hashes: claim_token_hash is the SHA-256 of the claim link's token,
-- claim_code_hash and network_code_hash are peppered HMACs of the codes that prove the alias.
CREATE TABLE payments (
    id                      UUID                     NOT NULL PRIMARY KEY,
    payer_id                UUID                     NOT NULL REFERENCES customers (id),
    payee_type              VARCHAR(8)               NOT NULL,
    payee_network           VARCHAR(16)              NOT NULL,
    payee_value             VARCHAR(254)             NOT NULL,
    payee_customer_id       UUID REFERENCES customers (id),
    payee_masked_name       VARCHAR(130),
    new_payee               BOOLEAN                  NOT NULL,
    amount_minor            BIGINT                   NOT NULL,
    currency                CHAR(3)                  NOT NULL,
    channel                 VARCHAR(16)              NOT NULL,
    status                  VARCHAR(24)              NOT NULL,
    code                    VARCHAR(48),
    limit_minor             BIGINT,
    used_minor              BIGINT,
    resets_at               TIMESTAMP WITH TIME ZONE,
    transfer_id             UUID,
    settle_transfer_id      UUID,
    return_transfer_id      UUID,
    confirmation_id         UUID,
    confirmation_url        VARCHAR(512),
    claim_token_hash        VARCHAR(64) UNIQUE,
    claim_expires_at        TIMESTAMP WITH TIME ZONE,
    claim_code_hash         VARCHAR(64),
    claim_code_expires_at   TIMESTAMP WITH TIME ZONE,
    claim_attempts          INT                      NOT NULL,
    claim_codes_sent        INT                      NOT NULL,
    network_code_hash       VARCHAR(64),
    claim_proven_at         TIMESTAMP WITH TIME ZONE,
    claimant_customer_id    UUID REFERENCES customers (id),
    payout_id               UUID,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT payments_amount_positive CHECK (amount_minor > 0),
    CONSTRAINT payments_payee_type_known CHECK (payee_type IN ('phone', 'email', 'tag', 'handle')),
    CONSTRAINT payments_status_known CHECK (status IN ('completed', 'awaiting_claim', 'awaiting_confirmation',
        'rejected', 'cancelled', 'returned', 'paying_out', 'not_confirmed')),
    CONSTRAINT payments_attempts_not_negative CHECK (claim_attempts >= 0 AND claim_codes_sent >= 0)
);

-- the risk history: what a payer sent since a moment, in total, per channel, to new payees
CREATE INDEX payments_payer_created ON payments (payer_id, created_at);
-- "has this payer paid this payee before?"
CREATE INDEX payments_payer_payee ON payments (payer_id, payee_type, payee_network, payee_value);
CREATE INDEX payments_payer_payee_customer ON payments (payer_id, payee_customer_id);
-- the expiry janitor: unclaimed payments by expiry
CREATE INDEX payments_status_expiry ON payments (status, claim_expires_at);
CREATE INDEX payments_network_code ON payments (network_code_hash);
CREATE INDEX payments_payout ON payments (payout_id);
CREATE INDEX payments_confirmation ON payments (confirmation_id);

-- The audit of every risk decision: one row per check the policy ran, with the decision it led
-- to and its reason, so that a customer (and the bank) can see why a payment was held or refused.
CREATE TABLE payment_decisions (
    payment_id  UUID                     NOT NULL REFERENCES payments (id),
    seq         INT                      NOT NULL,
    decision    VARCHAR(16)              NOT NULL,
    reason      VARCHAR(64),
    rule        VARCHAR(64)              NOT NULL,
    outcome     VARCHAR(16)              NOT NULL,
    detail      VARCHAR(256),
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (payment_id, seq),
    CONSTRAINT payment_decisions_decision_known CHECK (decision IN ('allow', 'step_up', 'reject'))
);
