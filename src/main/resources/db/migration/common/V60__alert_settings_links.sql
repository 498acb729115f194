-- Issue 17 (1.11): the alert settings page is opened by a link the chat sends. The link's token is
-- kept only as its SHA-256 (a copy of this table opens nothing); it names one customer and works
-- until it expires (socialbank.alerts.page-ttl), so she may change her settings more than once.
CREATE TABLE alert_settings_links (
    token_hash  CHAR(64)                 NOT NULL PRIMARY KEY,
    customer_id UUID                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX alert_settings_links_expiry ON alert_settings_links (expires_at);
