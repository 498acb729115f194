-- Channel identities and how they get tied to customers without a secret crossing the chat:
-- one-time links to the bank's pages, one-time codes, and login throttling.

CREATE TABLE channel_identities (
    id          UUID                     NOT NULL PRIMARY KEY,
    channel     VARCHAR(16)              NOT NULL,
    external_id VARCHAR(128)             NOT NULL,
    handle      VARCHAR(128),
    phone       VARCHAR(16),
    customer_id UUID REFERENCES customers (id),
    linked_at   TIMESTAMP WITH TIME ZONE,
    reachable   BOOLEAN                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT channel_identities_unique UNIQUE (channel, external_id),
    CONSTRAINT channel_identities_channel_known CHECK (channel IN
        ('x', 'telegram', 'bale', 'wechat', 'whatsapp', 'webchat'))
);

CREATE INDEX channel_identities_customer ON channel_identities (customer_id);

-- A one-time link to the bank's pages. Only the SHA-256 of the token is stored. Its state moves
-- issued -> signed_in (password checked, a code sent) -> done | burned. browser_hash is the hash
-- of a cookie given to the browser that finished a link, the only one that may then enrol an
-- authenticator app through it.
CREATE TABLE link_tokens (
    token_hash   VARCHAR(64)              NOT NULL PRIMARY KEY,
    purpose      VARCHAR(16)              NOT NULL,
    identity_id  UUID REFERENCES channel_identities (id),
    challenge_id UUID,
    customer_id  UUID REFERENCES customers (id),
    state        VARCHAR(16)              NOT NULL,
    browser_hash VARCHAR(64),
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT link_tokens_purpose_known CHECK (purpose IN ('link', 'unlink', 'confirm')),
    CONSTRAINT link_tokens_state_known CHECK (state IN ('issued', 'signed_in', 'done', 'burned'))
);

-- A one-time code sent to a customer (SMS) or expected from their authenticator (TOTP), bound
-- to what it confirms by the context hashed with it. Only the hash of an SMS code is stored.
CREATE TABLE otp_challenges (
    id           UUID                     NOT NULL PRIMARY KEY,
    customer_id  UUID                     NOT NULL REFERENCES customers (id),
    purpose      VARCHAR(16)              NOT NULL,
    method       VARCHAR(8)               NOT NULL,
    context      VARCHAR(512)             NOT NULL,
    code_hash    VARCHAR(128),
    reference    VARCHAR(128),
    summary      VARCHAR(1024),
    attempts     INTEGER                  NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT otp_challenges_method_known CHECK (method IN ('sms', 'totp')),
    CONSTRAINT otp_challenges_status_known CHECK (status IN ('pending', 'confirmed', 'failed', 'expired', 'cancelled'))
);

CREATE INDEX otp_challenges_due ON otp_challenges (status, expires_at);

-- Authenticator secrets, encrypted (AES-GCM) with a key derived from the server's OTP pepper;
-- last_step refuses a second use of the same TOTP code.
CREATE TABLE totp_enrolments (
    customer_id UUID                     NOT NULL PRIMARY KEY REFERENCES customers (id),
    secret      VARCHAR(256)             NOT NULL,
    last_step   BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Failed sign-ins per user name and per address: 5 in a row lock the key for 15 minutes.
CREATE TABLE login_failures (
    throttle_key VARCHAR(160)             NOT NULL PRIMARY KEY,
    failures     INTEGER                  NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
