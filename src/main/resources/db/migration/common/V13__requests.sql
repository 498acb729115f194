-- Money requests ("request 20 from @alice") and bill splits (one request per member). A request
-- never debits anyone: the payer pushes a payment (table payments) or, when not a customer, an
-- interbank credit carrying the request's reference (table incoming_credits).

-- The id is the caller's: replaying it returns the same split. The fingerprint (SHA-256 of the
-- order's content) tells a replay from a reused id.
CREATE TABLE money_splits (
    id                      UUID                     NOT NULL PRIMARY KEY,
    organiser_id            UUID                     NOT NULL REFERENCES customers (id),
    total_minor             BIGINT                   NOT NULL,
    currency                CHAR(3)                  NOT NULL,
    note                    VARCHAR(140),
    channel                 VARCHAR(16)              NOT NULL,
    include_organiser       BOOLEAN                  NOT NULL,
    organiser_share_minor   BIGINT                   NOT NULL,
    fingerprint             VARCHAR(64)              NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT money_splits_total_positive CHECK (total_minor > 0),
    CONSTRAINT money_splits_organiser_share CHECK (organiser_share_minor >= 0 AND organiser_share_minor < total_minor)
);

-- Aliases are kept normalized as in payments (network is '' for phones, e-mails and tags). The pay
-- link's token is stored only as its SHA-256 (pay_token_hash); the reference is not a secret (it
-- travels on bank statements), only unique. payment_id is the payer's current payment attempt.
CREATE TABLE money_requests (
    id                      UUID                     NOT NULL PRIMARY KEY,
    split_id                UUID REFERENCES money_splits (id),
    split_seq               INT,
    requester_id            UUID                     NOT NULL REFERENCES customers (id),
    requester_masked_name   VARCHAR(130)             NOT NULL,
    requester_alias_type    VARCHAR(8)               NOT NULL,
    requester_alias_network VARCHAR(16)              NOT NULL,
    requester_alias_value   VARCHAR(254)             NOT NULL,
    payer_type              VARCHAR(8)               NOT NULL,
    payer_network           VARCHAR(16)              NOT NULL,
    payer_value             VARCHAR(254)             NOT NULL,
    payer_customer_id       UUID REFERENCES customers (id),
    amount_minor            BIGINT                   NOT NULL,
    currency                CHAR(3)                  NOT NULL,
    note                    VARCHAR(140),
    channel                 VARCHAR(16)              NOT NULL,
    status                  VARCHAR(16)              NOT NULL,
    pay_token_hash          VARCHAR(64) UNIQUE,
    reference               VARCHAR(35) UNIQUE,
    pay_attempt             INT                      NOT NULL,
    payment_id              UUID,
    credit_transfer_id      UUID,
    expires_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    reminded_at             TIMESTAMP WITH TIME ZONE,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT money_requests_amount_positive CHECK (amount_minor > 0),
    CONSTRAINT money_requests_attempt_not_negative CHECK (pay_attempt >= 0),
    CONSTRAINT money_requests_status_known CHECK (status IN ('open', 'paid', 'declined', 'expired', 'cancelled')),
    CONSTRAINT money_requests_split_seq UNIQUE (split_id, split_seq)
);

-- the expiry janitor: open requests by expiry
CREATE INDEX money_requests_status_expiry ON money_requests (status, expires_at);
-- a payment confirmed on the step-up page finds its request
CREATE INDEX money_requests_payment ON money_requests (payment_id);

-- Incoming interbank credits to the bank's collection account that settled a request, one per
-- reference: a replay of the feed changes nothing. Credits that settle nothing are not kept (the
-- bank sends them back); outcome is 'settled' for now and leaves room for other bookings.
CREATE TABLE incoming_credits (
    reference               VARCHAR(35)              NOT NULL PRIMARY KEY,
    amount_minor            BIGINT                   NOT NULL,
    currency                CHAR(3)                  NOT NULL,
    outcome                 VARCHAR(24)              NOT NULL,
    request_id              UUID REFERENCES money_requests (id),
    transfer_id             UUID,
    received_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT incoming_credits_amount_positive CHECK (amount_minor > 0)
);
