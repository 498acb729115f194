-- WhatsApp Cloud API (channels.whatsapp), and delivery reports on the outbox.

-- Meta redelivers a webhook it did not see answered 200 for up to 7 days: one row per message
-- (m:<wamid>) and per status (s:<wamid>:<status>) handled, so a redelivery is recognised before
-- the engine is asked.
CREATE TABLE whatsapp_events (
    event_id    VARCHAR(200)             NOT NULL,
    kind        VARCHAR(16)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_whatsapp_events PRIMARY KEY (event_id)
);
CREATE INDEX whatsapp_events_received ON whatsapp_events (received_at);

-- The 24-hour customer-service window of each WhatsApp user: opened by the user's last message,
-- closed early when Meta answers 131047 (until the user writes again).
CREATE TABLE whatsapp_windows (
    wa_id           VARCHAR(32)              NOT NULL,
    last_inbound_at TIMESTAMP WITH TIME ZONE NOT NULL,
    closed          BOOLEAN                  NOT NULL,
    CONSTRAINT pk_whatsapp_windows PRIMARY KEY (wa_id)
);

-- Each message Meta accepted (its wamid) and the outbox row it carries, so that the statuses Meta
-- reports later (sent, delivered, read, failed) reach that row. A status may come before the
-- sender recorded the wamid: it is kept here (outbox_id still NULL) and applied when it does.
CREATE TABLE whatsapp_messages (
    wamid       VARCHAR(200)             NOT NULL,
    outbox_id   UUID,
    recipient   VARCHAR(32),
    kind        VARCHAR(16),
    status      VARCHAR(16),
    error_code  INTEGER,
    error_title VARCHAR(200),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_whatsapp_messages PRIMARY KEY (wamid)
);
CREATE INDEX whatsapp_messages_updated ON whatsapp_messages (updated_at);

-- What the platform last said of an outbox row after it accepted it: sent, delivered, read or
-- failed, for channels that report it (WhatsApp). Beside the outbox rather than in new columns:
-- H2 loses other tables' IN-list check constraints after an ALTER TABLE ... ADD COLUMN.
CREATE TABLE outbox_deliveries (
    outbox_id   UUID                     NOT NULL REFERENCES outbox_messages (id) ON DELETE CASCADE,
    state       VARCHAR(16)              NOT NULL,
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_outbox_deliveries PRIMARY KEY (outbox_id)
);
