-- X (channels.x): the Account Activity events handled.

-- X retries a webhook post it did not see answered, and may send one event twice: one row per
-- event (tweet:<id>, dm:<id>, follow:..., revoke:...) handled, so a replay is recognised before
-- the engine is asked.
CREATE TABLE x_events (
    event_id    VARCHAR(128)             NOT NULL,
    kind        VARCHAR(16)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_x_events PRIMARY KEY (event_id)
);
