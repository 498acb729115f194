-- Loan and credit-card applications (issue 16 s4). The form's link is a random token kept only as
-- its SHA-256 (token_hash), valid until token_expires_at and only while the application is started.
CREATE TABLE applications (
    id               UUID                     NOT NULL PRIMARY KEY,
    customer_id      UUID                     NOT NULL,
    product          VARCHAR(16)              NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    currency         CHAR(3)                  NOT NULL,
    amount_minor     BIGINT,
    term_months      INTEGER,
    income_minor     BIGINT,
    purpose          VARCHAR(200),
    reason           VARCHAR(500),
    channel          VARCHAR(16),
    token_hash       VARCHAR(64),
    token_expires_at TIMESTAMP WITH TIME ZONE,
    card_id          UUID,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT applications_product CHECK (product IN ('credit_card', 'loan')),
    CONSTRAINT applications_status CHECK (status IN ('started', 'submitted', 'in_review', 'approved', 'declined')),
    CONSTRAINT applications_amount CHECK (amount_minor IS NULL OR amount_minor > 0)
);

CREATE UNIQUE INDEX applications_token ON applications (token_hash);
CREATE INDEX applications_customer ON applications (customer_id, created_at);
CREATE INDEX applications_by_status ON applications (status, updated_at);
