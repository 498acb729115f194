-- Claims by network account id (security review #1 and #16).

-- Who held the paid handle when the payment was made, as the network itself answered (X's users
-- lookup), by its immutable account id: only that account is sent the claim link and only a claim
-- code sent from it proves the claim. No foreign key: the row is written in the payment's
-- transaction just before the payment row itself.
CREATE TABLE payment_claim_holders (
    payment_id  UUID                     NOT NULL,
    network     VARCHAR(16)              NOT NULL,
    external_id VARCHAR(128)             NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_payment_claim_holders PRIMARY KEY (payment_id)
);

-- Claim codes sent from a chat account that proved nothing (no such code, or not this account's
-- claim): counted per sender in a sliding window, so a sender can be locked out on every node.
CREATE TABLE claim_code_failures (
    id          UUID                     NOT NULL,
    channel     VARCHAR(16)              NOT NULL,
    external_id VARCHAR(128)             NOT NULL,
    failed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_claim_code_failures PRIMARY KEY (id)
);

CREATE INDEX claim_code_failures_sender ON claim_code_failures (channel, external_id, failed_at);
CREATE INDEX claim_code_failures_failed_at ON claim_code_failures (failed_at);
