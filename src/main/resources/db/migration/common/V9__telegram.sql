-- Telegram and Bale (channels.telegram): the updates each bot has handled, and the bot each chat talks to.

-- The platforms resend an update on any non-2xx answer: one row per (network, bot, update_id)
-- handled, so a redelivery is recognised before the engine is asked.
CREATE TABLE telegram_updates (
    network     VARCHAR(16)              NOT NULL,
    bot         VARCHAR(32)              NOT NULL,
    update_id   BIGINT                   NOT NULL,
    kind        VARCHAR(32)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_telegram_updates PRIMARY KEY (network, bot, update_id)
);

-- With several bots per network, a reply must leave through the bot the chat wrote to.
CREATE TABLE telegram_chats (
    network    VARCHAR(16)              NOT NULL,
    chat_id    VARCHAR(64)              NOT NULL,
    bot        VARCHAR(32)              NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_telegram_chats PRIMARY KEY (network, chat_id)
);
