-- The directory: customers, the ledger accounts they hold, and the aliases people know them by.

CREATE TABLE customers (
    id            UUID                     NOT NULL PRIMARY KEY,
    display_name  VARCHAR(120)             NOT NULL,
    language      VARCHAR(2)               NOT NULL,
    kyc_level     VARCHAR(16)              NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    username      VARCHAR(64) UNIQUE,
    password_hash VARCHAR(255),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT customers_language_known CHECK (language IN ('en', 'fr', 'ru', 'fa', 'zh')),
    CONSTRAINT customers_kyc_known CHECK (kyc_level IN ('claim_only', 'basic', 'full')),
    CONSTRAINT customers_status_known CHECK (status IN ('active', 'blocked', 'closed'))
);

CREATE TABLE customer_accounts (
    account_id  UUID    NOT NULL PRIMARY KEY REFERENCES accounts (id),
    customer_id UUID    NOT NULL REFERENCES customers (id),
    currency    CHAR(3) NOT NULL
);

CREATE INDEX customer_accounts_customer ON customer_accounts (customer_id);

-- one primary account per customer and currency (a table, as partial unique indexes are not portable)
CREATE TABLE primary_accounts (
    customer_id UUID    NOT NULL REFERENCES customers (id),
    currency    CHAR(3) NOT NULL,
    account_id  UUID    NOT NULL REFERENCES customer_accounts (account_id),
    PRIMARY KEY (customer_id, currency)
);

-- network is '' for aliases that belong to no network (phone, e-mail, tag), so the key stays unique
CREATE TABLE aliases (
    type        VARCHAR(8)               NOT NULL,
    network     VARCHAR(16)              NOT NULL,
    alias_value VARCHAR(254)             NOT NULL,
    customer_id UUID                     NOT NULL REFERENCES customers (id),
    verified    BOOLEAN                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (type, network, alias_value),
    CONSTRAINT aliases_type_known CHECK (type IN ('phone', 'email', 'tag', 'handle')),
    CONSTRAINT aliases_network_only_for_handles CHECK ((type = 'handle') = (network <> ''))
);

CREATE INDEX aliases_customer ON aliases (customer_id);
