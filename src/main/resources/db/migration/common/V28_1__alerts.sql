-- Transaction alerts (issue 17): one row per (journal row, customer account), so that a posting
-- alerts its customer exactly once whatever re-reads the journal; the cursor of the journal
-- follower; and each customer's alert settings.
CREATE TABLE transaction_alerts (
    id                  UUID                     NOT NULL PRIMARY KEY,
    transfer_id         UUID                     NOT NULL,
    account_id          UUID                     NOT NULL,
    customer_id         UUID                     NOT NULL,
    kind                VARCHAR(16)              NOT NULL,
    amount_minor        BIGINT                   NOT NULL,
    currency            CHAR(3)                  NOT NULL,
    balance_after_minor BIGINT                   NOT NULL,
    counterparty        VARCHAR(128)             NOT NULL,
    posted_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR(16)              NOT NULL,
    due_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT transaction_alerts_once UNIQUE (transfer_id, account_id),
    CONSTRAINT transaction_alerts_status_known CHECK (status IN ('held', 'sent', 'suppressed', 'no_chat', 'told_elsewhere')),
    CONSTRAINT transaction_alerts_kind_known CHECK (kind IN ('incoming', 'outgoing', 'fee'))
);

-- the quiet-hours janitor's query: status = 'held' AND due_at <= now
CREATE INDEX transaction_alerts_due ON transaction_alerts (status, due_at);
CREATE INDEX transaction_alerts_customer ON transaction_alerts (customer_id, posted_at);

CREATE TABLE transaction_alert_cursor (
    id            INTEGER NOT NULL PRIMARY KEY,
    last_sequence BIGINT  NOT NULL,
    CONSTRAINT transaction_alert_cursor_single CHECK (id = 1)
);

-- alerts begin with the postings after this version: the journal's past is not announced
INSERT INTO transaction_alert_cursor (id, last_sequence) SELECT 1, COALESCE(MAX(seq), 0) FROM transfers;

CREATE TABLE alert_settings (
    customer_id       UUID                     NOT NULL PRIMARY KEY,
    incoming          BOOLEAN                  NOT NULL,
    outgoing          BOOLEAN                  NOT NULL,
    fee               BOOLEAN                  NOT NULL,
    min_amount_minor  BIGINT                   NOT NULL,
    quiet_from        VARCHAR(5),
    quiet_to          VARCHAR(5),
    zone              VARCHAR(64)              NOT NULL,
    preferred_channel VARCHAR(16),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT alert_settings_min_not_negative CHECK (min_amount_minor >= 0),
    CONSTRAINT alert_settings_quiet_both CHECK ((quiet_from IS NULL AND quiet_to IS NULL)
        OR (quiet_from IS NOT NULL AND quiet_to IS NOT NULL))
);
