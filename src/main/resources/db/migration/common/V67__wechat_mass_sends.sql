-- Issue 17, 3.13: campaign messages to WeChat followers outside their 48-hour window leave by
-- WeChat's mass send (message/mass/send to an OpenID list of 2 to 10,000 followers, one text for
-- all). Each waits here under its outbox row's id until a round sends its group (same campaign,
-- same text) and keeps the job's msg_id; the relay then reports it accepted, or failed with the
-- reason. A follower gets at most 4 mass messages a natural month from a service account: sent
-- rows per follower are counted before another joins a group.
CREATE TABLE wechat_mass_recipients (
    outbox_id UUID NOT NULL,
    campaign_id UUID NOT NULL,
    open_id VARCHAR(128) NOT NULL,
    text_hash VARCHAR(64) NOT NULL,
    text VARCHAR(4000) NOT NULL,
    status VARCHAR(16) NOT NULL, -- waiting, sent, failed (no IN-list CHECK: H2 2.4.240 binds it to one session)
    reason VARCHAR(300),
    msg_id BIGINT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_wechat_mass_recipients PRIMARY KEY (outbox_id)
);
CREATE INDEX wechat_mass_recipients_waiting ON wechat_mass_recipients (status, campaign_id, text_hash, created_at);
CREATE INDEX wechat_mass_recipients_follower ON wechat_mass_recipients (open_id, sent_at);
CREATE INDEX wechat_mass_recipients_job ON wechat_mass_recipients (msg_id);

-- One mass send WeChat took (its msg_id), and the counts its MASSSENDJOBFINISH event reported.
CREATE TABLE wechat_mass_jobs (
    msg_id BIGINT NOT NULL,
    campaign_id UUID NOT NULL,
    recipients INTEGER NOT NULL,
    status VARCHAR(64),
    total_count INTEGER,
    filter_count INTEGER,
    sent_count INTEGER,
    error_count INTEGER,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_wechat_mass_jobs PRIMARY KEY (msg_id)
);
