-- WeChat messages whose handling outlived their callback (answered "success", so WeChat does not
-- send them again) and then failed for the bank's own reason: the database or I/O (review
-- 2026-12-07 channels #2). WeChatRetries hands each to the engine again until it is taken; the
-- engine's inbox key (message_id) makes a repeat a duplicate. A node claims a row by setting its
-- lease with a conditional UPDATE, so two nodes never run one row at once.
CREATE TABLE wechat_retries (
    message_id   VARCHAR(128)             NOT NULL, -- the engine's key: m:<MsgId>, e:..., eh:...
    message      VARCHAR(40000)           NOT NULL, -- the InboundMessage as JSON, sealed (AES-GCM)
    status       VARCHAR(8)               NOT NULL, -- 'retry', or 'failed' once tries_max is spent
    tries        INTEGER                  NOT NULL,
    next_try_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_holder VARCHAR(36),
    lease_until  TIMESTAMP WITH TIME ZONE,
    fault        VARCHAR(200)             NOT NULL, -- the last fault's class names, never its message
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_wechat_retries PRIMARY KEY (message_id),
    CONSTRAINT wechat_retries_status_known CHECK (status IN ('retry', 'failed')),
    CONSTRAINT wechat_retries_tries_not_negative CHECK (tries >= 0)
);

CREATE INDEX wechat_retries_due ON wechat_retries (status, next_try_at);
