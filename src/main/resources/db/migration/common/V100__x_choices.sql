-- X (channels.x): the numbered choices of the last Buttons message sent to each DM chat.

-- X's v2 direct messages carry only a text (no quick replies), so the bank writes a message's
-- buttons as numbered lines and a reply that is just "1" stands for the first of them. One row per
-- chat (the X user id), replaced by every Buttons message: a number answers only the latest, and
-- only for socialbank.channels.x.choice-ttl after sent_at. choice_refs is the JSON array of the
-- engine's opaque references, in the order shown; outbox_id is the message that wrote the row, so a
-- send X refused removes its own row and never a newer one.
CREATE TABLE x_choices (
    chat_id     VARCHAR(32)              NOT NULL,
    outbox_id   UUID                     NOT NULL,
    choice_refs VARCHAR(4000)            NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_x_choices PRIMARY KEY (chat_id)
);

CREATE INDEX ix_x_choices_sent_at ON x_choices (sent_at);
