package org.socialbank.channels.telegram;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The updates each bot has handled, and the bot each chat talks to ({@code V9__telegram.sql}). */
@Repository
class TelegramStore {

    private final JdbcClient jdbc;

    TelegramStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean handled(Network network, String bot, long updateId) {
        return jdbc.sql("SELECT COUNT(*) FROM telegram_updates WHERE network = ? AND bot = ? AND update_id = ?")
                        .params(network.wireName(), bot, updateId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Records the update as handled; false when a concurrent delivery recorded it first. */
    boolean markHandled(Network network, String bot, long updateId, String kind, Instant now) {
        try {
            return jdbc.sql("INSERT INTO telegram_updates (network, bot, update_id, kind, received_at) "
                                    + "VALUES (?, ?, ?, ?, ?)")
                            .params(network.wireName(), bot, updateId, kind, Timestamps.utc(now))
                            .update()
                    == 1;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    /**
     * Records the update as handled inside the caller's transaction: a concurrent record of the
     * same update is not absorbed (on PostgreSQL it has aborted the transaction) but thrown, a lost
     * race for the caller's transaction to run again.
     */
    void markHandledWithin(Network network, String bot, long updateId, String kind, Instant now) {
        jdbc.sql("INSERT INTO telegram_updates (network, bot, update_id, kind, received_at) VALUES (?, ?, ?, ?, ?)")
                .params(network.wireName(), bot, updateId, kind, Timestamps.utc(now))
                .update();
    }

    int updates(Network network, String bot) {
        return jdbc.sql("SELECT COUNT(*) FROM telegram_updates WHERE network = ? AND bot = ?")
                .params(network.wireName(), bot)
                .query(Integer.class)
                .single();
    }

    /** The group's member count if it was asked at or after {@code notBefore}. */
    Optional<Long> members(Network network, String chatId, Instant notBefore) {
        return jdbc.sql("SELECT members FROM telegram_chats WHERE network = ? AND chat_id = ? AND members IS NOT NULL "
                        + "AND members_at >= ?")
                .params(network.wireName(), chatId, Timestamps.utc(notBefore))
                .query(Long.class)
                .optional();
    }

    /** Remembers a group's member count as the platform gave it now (the chat row exists: it was remembered). */
    void members(Network network, String chatId, long members, Instant now) {
        jdbc.sql("UPDATE telegram_chats SET members = ?, members_at = ? WHERE network = ? AND chat_id = ?")
                .params(members, Timestamps.utc(now), network.wireName(), chatId)
                .update();
    }

    /**
     * The chat now talks to this bot: replies leave through it. A chat type the update gave is
     * recorded (the sender reads it to know a group); null keeps the one known.
     */
    void remember(Network network, String chatId, String chatType, String bot, Instant now) {
        if (update(network, chatId, chatType, bot, now) == 1) {
            return;
        }
        try {
            insert(network, chatId, chatType, bot, now);
        } catch (DuplicateKeyException raced) {
            update(network, chatId, chatType, bot, now); // another delivery for this chat inserted it first
        }
    }

    /**
     * As {@link #remember}, inside the caller's transaction: a concurrent first insert for the chat
     * is thrown, not absorbed, a lost race for the caller's transaction to run again.
     */
    void rememberWithin(Network network, String chatId, String chatType, String bot, Instant now) {
        if (update(network, chatId, chatType, bot, now) == 0) {
            insert(network, chatId, chatType, bot, now);
        }
    }

    private void insert(Network network, String chatId, String chatType, String bot, Instant now) {
        jdbc.sql("INSERT INTO telegram_chats (network, chat_id, bot, chat_type, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(network.wireName(), chatId, bot, chatType, Timestamps.utc(now))
                .update();
    }

    private int update(Network network, String chatId, String chatType, String bot, Instant now) {
        return jdbc.sql("UPDATE telegram_chats SET bot = ?, chat_type = COALESCE(CAST(? AS VARCHAR(16)), chat_type), "
                        + "updated_at = ? WHERE network = ? AND chat_id = ?")
                .params(bot, chatType, Timestamps.utc(now), network.wireName(), chatId)
                .update();
    }

    /**
     * A chat the bank remembers: the bot it talks to and its type as its latest update said it.
     *
     * @param type {@code private}, {@code group}, {@code supergroup}, {@code channel}; null when no
     *     update said it (a chat remembered before {@code V74__telegram_chat_type.sql})
     */
    record Chat(String bot, String type) {}

    Optional<Chat> chat(Network network, String chatId) {
        return jdbc.sql("SELECT bot, chat_type FROM telegram_chats WHERE network = ? AND chat_id = ?")
                .params(network.wireName(), chatId)
                .query((rs, n) -> new Chat(rs.getString(1), rs.getString(2)))
                .optional();
    }

    Optional<String> botOf(Network network, String chatId) {
        return chat(network, chatId).map(Chat::bot);
    }

    /**
     * Whether the person ever wrote to a bot of the network privately ({@code /start} or any private
     * message, recorded with the message): in the Bot API a private chat's id is its user's id, and
     * a bot may write only to a person who opened such a chat. Whether they blocked the bot since is
     * their chat account's {@code reachable}, not this.
     */
    boolean privateChatOpened(Network network, String userId) {
        return chat(network, userId)
                .filter(c -> c.type() == null || c.type().equals("private")) // null: before V74, a user's id
                .isPresent();
    }

    /**
     * Deletes at most {@code max} update rows received before {@code before}: Telegram keeps an
     * unconfirmed update for 24 hours, so older rows can never see a redelivery.
     */
    int deleteUpdatesBefore(java.time.Instant before, int max) {
        java.util.List<Object[]> keys = jdbc.sql(
                        "SELECT network, bot, update_id FROM telegram_updates WHERE received_at < ? "
                                + "ORDER BY received_at LIMIT ?")
                .params(org.socialbank.shared.jdbc.Timestamps.utc(before), max)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})
                .list();
        int deleted = 0;
        for (Object[] key : keys) {
            deleted += jdbc.sql("DELETE FROM telegram_updates WHERE network = ? AND bot = ? AND update_id = ?")
                    .params(key[0], key[1], key[2])
                    .update();
        }
        return deleted;
    }
}
