-- The staff console: staff accounts (not customers), their sessions, and the audit log.

CREATE TABLE console_staff (
    id UUID PRIMARY KEY,
    username VARCHAR(64) NOT NULL,
    display_name VARCHAR(128) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    -- sealed with security.otp.Sealer, bound to the row's id
    totp_secret_sealed VARCHAR(300) NOT NULL,
    -- comma-separated wire names: roles (agent, supervisor, ...), team ids, language codes
    roles VARCHAR(200) NOT NULL,
    teams VARCHAR(500) NOT NULL,
    languages VARCHAR(100) NOT NULL,
    active BOOLEAN NOT NULL,
    failed_attempts INT NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    -- the last authenticator time step accepted: a code is used once (RFC 6238 section 5.2)
    last_totp_step BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT console_staff_username UNIQUE (username)
);

-- One row per browser sign-in; the cookie holds a random token, the row only its SHA-256.
CREATE TABLE console_sessions (
    token_hash VARCHAR(64) PRIMARY KEY,
    staff_id UUID NOT NULL REFERENCES console_staff (id),
    -- CODE: the password was right, the authenticator code is awaited; SIGNED_IN
    stage VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX console_sessions_staff ON console_sessions (staff_id);

-- Append-only: who did what, when, to which subject, why. hash = SHA-256(prev_hash || row).
CREATE TABLE console_audit (
    seq BIGINT PRIMARY KEY,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    who_id UUID,
    who_name VARCHAR(64) NOT NULL,
    what VARCHAR(64) NOT NULL,
    subject VARCHAR(256) NOT NULL,
    why VARCHAR(512) NOT NULL,
    prev_hash VARCHAR(64) NOT NULL,
    hash VARCHAR(64) NOT NULL
);

-- The chain's head: one row, locked by every append, so nodes append one after another; it also
-- shows a deleted last row.
CREATE TABLE console_audit_head (
    id INT PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash VARCHAR(64) NOT NULL
);

INSERT INTO console_audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
