-- X (channels.x), review 2026-12-07 channels follow-up: every open set of numbered choices of a DM
-- chat, instead of one row per chat that each Buttons message replaced (V100).

-- A Buttons message pushed to the chat (a money request, "This wasn't me") no longer takes the
-- numbers of a question she is answering: each set's numbers continue after the highest number
-- still open in the chat (first_number .. last_number), and start again at 1 only when none is
-- open. A set is open until socialbank.channels.x.choice-ttl after sent_at, a press of one of its
-- numbers, or being cleared (her text, a number of none of them, the bank's reply); at most 10 sets
-- and 50 numbers per chat, the oldest dropped first. choice_refs is the JSON array of the engine's
-- opaque references, in the order shown; outbox_id is the message that showed them, so a send X
-- refused removes its own set only. The UNIQUE (chat_id, first_number) makes two sets computed at
-- once for one chat collide instead of sharing numbers.
--
-- Sets open at the upgrade are not copied (V100's rows do not say how many choices they hold, and
-- no portable SQL reads a JSON array): a number typed in the minutes after it is text.
CREATE TABLE x_choice_sets (
    outbox_id    UUID                     NOT NULL,
    chat_id      VARCHAR(32)              NOT NULL,
    first_number INTEGER                  NOT NULL,
    last_number  INTEGER                  NOT NULL,
    choice_refs  VARCHAR(4000)            NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_x_choice_sets PRIMARY KEY (outbox_id),
    CONSTRAINT uq_x_choice_sets_number UNIQUE (chat_id, first_number),
    CONSTRAINT ck_x_choice_sets_numbers CHECK (first_number >= 1 AND last_number >= first_number)
);

CREATE INDEX ix_x_choice_sets_sent_at ON x_choice_sets (sent_at);

DROP TABLE x_choices;
