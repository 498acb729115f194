-- The WeChat Official Account channel.

-- The access_token of each WeChat app, shared by every node. Only the holder of a live lease
-- fetches a new one; a token is replaced only by one that expires later.
CREATE TABLE wechat_access_tokens (
    app_id       VARCHAR(64)              NOT NULL PRIMARY KEY,
    access_token VARCHAR(1024),
    expires_at   TIMESTAMP WITH TIME ZONE,
    lease_holder VARCHAR(64),
    lease_until  TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- When each follower last wrote to the account (opening WeChat's 48-hour customer-service window)
-- and how many customer-service messages were sent since. Deleted on unsubscribe.
CREATE TABLE wechat_followers (
    open_id         VARCHAR(128)             NOT NULL PRIMARY KEY,
    last_inbound_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_since      INTEGER                  NOT NULL
);
