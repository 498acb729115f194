-- Marketing consent per (network, chat account, purpose): an append-only history of every
-- change with the exact text shown, its evidence (the inbound message id or the caller's
-- reference) and where it came from, and the current state beside it. A replay of the same
-- evidence changes nothing (the UNIQUE constraint below is the idempotency key).
CREATE TABLE consent_events (
    id               UUID                     NOT NULL PRIMARY KEY,
    channel          VARCHAR(16)              NOT NULL,
    external_user_id VARCHAR(128)             NOT NULL,
    purpose          VARCHAR(32)              NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    shown_text       VARCHAR(2000)            NOT NULL,
    evidence         VARCHAR(128)             NOT NULL,
    source           VARCHAR(16)              NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT consent_events_status_known CHECK (status IN ('given', 'withdrawn')),
    CONSTRAINT consent_events_source_known CHECK (source IN ('api', 'chat', 'platform')),
    CONSTRAINT consent_events_evidence_once UNIQUE (channel, purpose, evidence)
);

CREATE INDEX consent_events_account ON consent_events (channel, external_user_id, recorded_at);

CREATE TABLE consents (
    channel          VARCHAR(16)              NOT NULL,
    external_user_id VARCHAR(128)             NOT NULL,
    purpose          VARCHAR(32)              NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    event_id         UUID                     NOT NULL REFERENCES consent_events (id),
    changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT consents_pk PRIMARY KEY (channel, external_user_id, purpose),
    CONSTRAINT consents_status_known CHECK (status IN ('given', 'withdrawn'))
);
