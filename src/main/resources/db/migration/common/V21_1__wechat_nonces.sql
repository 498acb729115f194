-- WeChat callbacks seen in the freshness window (+-5 minutes): a (timestamp, nonce) pair is
-- accepted once on any node. The WeChat janitor deletes rows once their window has passed.
CREATE TABLE wechat_nonces (
    signed_at  BIGINT                   NOT NULL,
    nonce      VARCHAR(64)              NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (signed_at, nonce)
);

CREATE INDEX wechat_nonces_expires ON wechat_nonces (expires_at);
