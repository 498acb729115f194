-- Issue 15 section 3: the card vault, own cards, per-card limits, the step-up of every card-to-card
-- and card-to-card asked in chat.

-- The one place a whole destination card number is kept: sealed with AES-GCM (a key derived from
-- the configured pepper, the token as associated data), found again by its keyed hash. Nothing
-- else holds more than the masked form (first six, last four) and the token.
CREATE TABLE billing_card_vault (
    token      UUID                     NOT NULL PRIMARY KEY,
    pan_hash   VARCHAR(64)              NOT NULL,
    pan_sealed VARCHAR(200)             NOT NULL,
    masked     VARCHAR(19)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT billing_card_vault_hash UNIQUE (pan_hash)
);

-- A transfer now goes from one of the customer's own cards (cards module), waits for the step-up
-- on the bank's page, and keeps the destination as a vault token for the worker that sends it.
ALTER TABLE billing_card_transfers ADD COLUMN card_id UUID;
ALTER TABLE billing_card_transfers ADD COLUMN source_masked VARCHAR(19);
ALTER TABLE billing_card_transfers ADD COLUMN vault_token UUID;
ALTER TABLE billing_card_transfers ADD COLUMN challenge_id UUID;
ALTER TABLE billing_card_transfers DROP CONSTRAINT billing_card_transfers_status;
ALTER TABLE billing_card_transfers ADD CONSTRAINT billing_card_transfers_status CHECK (status IN (
    'AWAITING_CONFIRMATION', 'NOT_CONFIRMED', 'PENDING', 'UNKNOWN', 'COMPLETED', 'FAILED', 'REJECTED'));
CREATE INDEX billing_card_transfers_card ON billing_card_transfers (card_id, created_at);

-- A card-to-card asked in chat: the holder is looked up at the switch by a worker (never inside
-- the chat message's transaction), then the chat shows it with Confirm and Cancel; Confirm uses
-- the quote once.
CREATE TABLE billing_card_quotes (
    id            UUID                     NOT NULL PRIMARY KEY,
    customer_id   UUID                     NOT NULL,
    card_id       UUID                     NOT NULL,
    vault_token   UUID                     NOT NULL,
    destination_masked VARCHAR(19)         NOT NULL,
    amount_minor  BIGINT                   NOT NULL,
    currency      CHAR(3)                  NOT NULL,
    channel       VARCHAR(16)              NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    bank          VARCHAR(64),
    holder_masked VARCHAR(64),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT billing_card_quotes_amount_positive CHECK (amount_minor > 0),
    CONSTRAINT billing_card_quotes_status CHECK (status IN ('ASKING', 'READY', 'UNKNOWN_CARD', 'USED'))
);

CREATE INDEX billing_card_quotes_status ON billing_card_quotes (status, created_at);
