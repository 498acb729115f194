-- Cross-bank fund collection (issue 16, section 6). A consent lets the bank pull money from the
-- customer's account at another bank, within a maximum per payment and per period, until it
-- expires or is revoked. Pulls are idempotent by id (a standing rule's id derives from the rule
-- and the month); the consent row is locked while a pull is checked against its limits.

CREATE TABLE sweeping_consents (
    id                 UUID                     NOT NULL PRIMARY KEY,
    customer_id        UUID                     NOT NULL,
    bank               VARCHAR(32)              NOT NULL,
    external_account   VARCHAR(64)              NOT NULL,
    currency           CHAR(3)                  NOT NULL,
    max_payment_minor  BIGINT                   NOT NULL,
    max_period_minor   BIGINT                   NOT NULL,
    period             VARCHAR(8)               NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    status             VARCHAR(8)               NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sweeping_consents_limits CHECK (max_payment_minor > 0 AND max_period_minor >= max_payment_minor),
    CONSTRAINT sweeping_consents_period CHECK (period IN ('DAY', 'WEEK', 'MONTH', 'YEAR')),
    CONSTRAINT sweeping_consents_status CHECK (status IN ('ACTIVE', 'REVOKED'))
);

CREATE INDEX sweeping_consents_customer ON sweeping_consents (customer_id, created_at);

CREATE TABLE sweeping_rules (
    id            UUID                     NOT NULL PRIMARY KEY,
    customer_id   UUID                     NOT NULL,
    consent_id    UUID                     NOT NULL REFERENCES sweeping_consents (id),
    day_of_month  INT                      NOT NULL,
    keep_minor    BIGINT                   NOT NULL,
    status        VARCHAR(8)               NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sweeping_rules_day CHECK (day_of_month BETWEEN 1 AND 31),
    CONSTRAINT sweeping_rules_keep CHECK (keep_minor >= 0),
    CONSTRAINT sweeping_rules_status CHECK (status IN ('ACTIVE', 'DELETED'))
);

CREATE INDEX sweeping_rules_status ON sweeping_rules (status, customer_id);

CREATE TABLE sweeping_pulls (
    id            UUID                     NOT NULL PRIMARY KEY,
    consent_id    UUID                     NOT NULL REFERENCES sweeping_consents (id),
    customer_id   UUID                     NOT NULL,
    rule_id       UUID,
    amount_minor  BIGINT                   NOT NULL,
    requested_minor BIGINT,
    currency      CHAR(3)                  NOT NULL,
    status        VARCHAR(12)              NOT NULL,
    code          VARCHAR(64),
    reference     VARCHAR(64),
    transfer_id   UUID,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sweeping_pulls_amount CHECK (amount_minor >= 0),
    CONSTRAINT sweeping_pulls_status CHECK (status IN ('PENDING', 'UNKNOWN', 'SUCCEEDED', 'FAILED', 'REFUSED'))
);

CREATE INDEX sweeping_pulls_consent ON sweeping_pulls (consent_id, created_at);
CREATE INDEX sweeping_pulls_status ON sweeping_pulls (status, updated_at);
