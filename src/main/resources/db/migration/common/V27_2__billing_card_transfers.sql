-- Card-to-card transfers (issue 15). The destination card is never stored whole: only masked
-- (first six and last four digits) and as a keyed hash (HMAC-SHA256 under the bank's secret) so
-- that limits can count per card; the full number lives in memory for the one switch call.

CREATE TABLE billing_card_transfers (
    id                 UUID                     NOT NULL PRIMARY KEY,
    customer_id        UUID                     NOT NULL,
    destination_masked VARCHAR(19)              NOT NULL,
    destination_hash   VARCHAR(64)              NOT NULL,
    bank               VARCHAR(64),
    holder_masked      VARCHAR(64),
    amount_minor       BIGINT                   NOT NULL,
    currency           CHAR(3)                  NOT NULL,
    channel            VARCHAR(16)              NOT NULL,
    status             VARCHAR(24)              NOT NULL,
    code               VARCHAR(64),
    transfer_id        UUID,
    trace_number       VARCHAR(64),
    sent_at            TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT billing_card_transfers_amount_positive CHECK (amount_minor > 0),
    CONSTRAINT billing_card_transfers_status CHECK (status IN ('PENDING', 'UNKNOWN', 'COMPLETED', 'FAILED',
        'REJECTED'))
);

CREATE INDEX billing_card_transfers_customer ON billing_card_transfers (customer_id, created_at);
CREATE INDEX billing_card_transfers_status ON billing_card_transfers (status, updated_at);
