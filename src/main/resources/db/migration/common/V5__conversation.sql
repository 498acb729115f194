-- The conversation engine: every inbound message once (inbox), one dialogue state per chat
-- account, opaque button references, and replies waiting to be sent (outbox). See
-- docs/conversation-engine.md. Portable between H2 (PostgreSQL mode) and PostgreSQL.

-- A message is handled once: a redelivery finds its key and changes nothing.
CREATE TABLE inbox_messages (
    channel             VARCHAR(16)              NOT NULL,
    external_message_id VARCHAR(128)             NOT NULL,
    identity_id         UUID                     NOT NULL REFERENCES channel_identities (id),
    kind                VARCHAR(16)              NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel, external_message_id)
);

-- The dialogue of one chat account, locked FOR UPDATE while one of its messages is handled.
-- channel, recipient and customer_id let the link alerts find the customer's other chats.
CREATE TABLE conversations (
    identity_id UUID                     NOT NULL PRIMARY KEY REFERENCES channel_identities (id),
    channel     VARCHAR(16)              NOT NULL,
    recipient   VARCHAR(128)             NOT NULL,
    customer_id UUID,
    state       VARCHAR(4000)            NOT NULL,
    version     BIGINT                   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX conversations_customer ON conversations (customer_id);

-- A button's reference points here; what the button does is never read from the platform.
CREATE TABLE button_refs (
    reference    VARCHAR(64)              NOT NULL PRIMARY KEY,
    identity_id  UUID                     NOT NULL REFERENCES channel_identities (id),
    action       VARCHAR(1000)            NOT NULL,
    form_version BIGINT                   NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX button_refs_expires ON button_refs (expires_at);

-- Replies, written in the transaction of their effects; the relay moves each row
-- PENDING -> SUCCEEDED | FAILED | UNKNOWN.
CREATE TABLE outbox_messages (
    id              UUID                     NOT NULL PRIMARY KEY,
    identity_id     UUID                     NOT NULL REFERENCES channel_identities (id),
    channel         VARCHAR(16)              NOT NULL,
    recipient       VARCHAR(128)             NOT NULL,
    payload         VARCHAR(16000)           NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until   TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT outbox_messages_status_known CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'UNKNOWN')),
    CONSTRAINT outbox_messages_attempts_positive CHECK (attempts >= 0)
);

CREATE INDEX outbox_messages_due ON outbox_messages (status, next_attempt_at);
