package org.socialbank.conversation.engine;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The engine's tables: inbox_messages, conversations, button_refs and outbox_messages. */
@Repository
public class JdbcConversations {

    private final JdbcClient jdbc;

    JdbcConversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A chat account's address on its network. */
    public record Chat(IdentityId identityId, Network channel, String recipient) {}

    public record Conversation(String state, long version) {}

    /**
     * An outbox row as the relay reads it; {@code laterPending} when its chat had a later pending row
     * at the read (the relay then sends that one next itself), always false for the janitor's reads.
     */
    public record Pending(
            UUID id,
            IdentityId identityId,
            Network channel,
            String recipient,
            String payload,
            int attempts,
            Instant createdAt,
            boolean laterPending) {}

    // --- inbox --------------------------------------------------------------------------

    public boolean inboxHas(Network channel, String externalMessageId) {
        return jdbc.sql("SELECT 1 FROM inbox_messages WHERE channel = ? AND external_message_id = ?")
                .params(channel.wireName(), externalMessageId)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /** Throws a DuplicateKeyException when the message was inserted concurrently. */
    public void insertInbox(Network channel, String externalMessageId, IdentityId identity, String kind, Instant now) {
        jdbc.sql("INSERT INTO inbox_messages (channel, external_message_id, identity_id, kind, received_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(channel.wireName(), externalMessageId, identity.value(), kind, Timestamps.utc(now))
                .update();
    }

    /**
     * Records a message whose handling failed (its effects rolled back) as handled with an error,
     * so that a redelivery is a duplicate; throws a DuplicateKeyException when it was inserted
     * concurrently.
     */
    public void insertFailedInbox(
            Network channel, String externalMessageId, IdentityId identity, String kind, String error, Instant now) {
        jdbc.sql("INSERT INTO inbox_messages (channel, external_message_id, identity_id, kind, received_at, outcome, "
                        + "error) VALUES (?, ?, ?, ?, ?, 'failed', ?)")
                .params(
                        channel.wireName(),
                        externalMessageId,
                        identity.value(),
                        kind,
                        Timestamps.utc(now),
                        error.length() <= 200 ? error : error.substring(0, 200))
                .update();
    }

    /** The inbox row's outcome: {@code handled} or {@code failed}; empty when there is none. */
    public Optional<String> inboxOutcome(Network channel, String externalMessageId) {
        return jdbc.sql("SELECT outcome FROM inbox_messages WHERE channel = ? AND external_message_id = ?")
                .params(channel.wireName(), externalMessageId)
                .query(String.class)
                .optional();
    }

    public int inboxCount(Network channel, String externalMessageId) {
        return jdbc.sql("SELECT COUNT(*) FROM inbox_messages WHERE channel = ? AND external_message_id = ?")
                .params(channel.wireName(), externalMessageId)
                .query(Integer.class)
                .single();
    }

    // --- conversations ------------------------------------------------------------------

    public Optional<Conversation> lockConversation(IdentityId identity) {
        return jdbc.sql("SELECT state, version FROM conversations WHERE identity_id = ? FOR UPDATE")
                .param(identity.value())
                .query((rs, n) -> new Conversation(rs.getString("state"), rs.getLong("version")))
                .optional();
    }

    /** The conversation's state, read without a lock (issue 13: the language of a page opened from the chat). */
    public Optional<String> state(IdentityId identity) {
        return jdbc.sql("SELECT state FROM conversations WHERE identity_id = ?")
                .param(identity.value())
                .query(String.class)
                .optional();
    }

    public void insertConversation(Chat chat, String state, Instant now) {
        jdbc.sql("INSERT INTO conversations (identity_id, channel, recipient, customer_id, state, version, updated_at) "
                        + "VALUES (?, ?, ?, NULL, ?, 0, ?)")
                .params(
                        chat.identityId().value(),
                        chat.channel().wireName(),
                        chat.recipient(),
                        state,
                        Timestamps.utc(now))
                .update();
    }

    public void updateConversation(IdentityId identity, String state, long version, CustomerId customer, Instant now) {
        jdbc.sql("UPDATE conversations SET state = ?, version = ?, customer_id = ?, updated_at = ? "
                        + "WHERE identity_id = ?")
                .params(
                        state,
                        version,
                        customer == null ? null : customer.value(),
                        Timestamps.utc(now),
                        identity.value())
                .update();
    }

    public void setCustomer(IdentityId identity, CustomerId customer) {
        jdbc.sql("UPDATE conversations SET customer_id = ? WHERE identity_id = ?")
                .params(customer == null ? null : customer.value(), identity.value())
                .update();
    }

    /** The chat account's id on its network changed (the web chat rotated its session): replies follow it. */
    public void setRecipient(IdentityId identity, String recipient) {
        jdbc.sql("UPDATE conversations SET recipient = ? WHERE identity_id = ?")
                .params(recipient, identity.value())
                .update();
        jdbc.sql("UPDATE outbox_messages SET recipient = ? WHERE identity_id = ? AND status = 'PENDING'")
                .params(recipient, identity.value())
                .update();
    }

    /** The chats known to be linked to a customer (as last seen by this module), at most 100. */
    public List<Chat> chatsOf(CustomerId customer) {
        return jdbc.sql("SELECT identity_id, channel, recipient FROM conversations WHERE customer_id = ? "
                        + "ORDER BY identity_id LIMIT 100")
                .param(customer.value())
                .query((rs, n) -> new Chat(
                        new IdentityId(rs.getObject("identity_id", UUID.class)),
                        network(rs.getString("channel")),
                        rs.getString("recipient")))
                .list();
    }

    // --- buttons ------------------------------------------------------------------------

    public void insertButton(
            String reference, IdentityId identity, String action, long formVersion, Instant expiresAt) {
        jdbc.sql("INSERT INTO button_refs (reference, identity_id, action, form_version, expires_at, used_at) "
                        + "VALUES (?, ?, ?, ?, ?, NULL)")
                .params(reference, identity.value(), action, formVersion, Timestamps.utc(expiresAt))
                .update();
    }

    /** The action and form version of a button of this chat, unused and unexpired; marks it used. */
    public Optional<Button> useButton(String reference, IdentityId identity, Instant now) {
        Optional<Button> found = jdbc.sql("SELECT action, form_version FROM button_refs WHERE reference = ? "
                        + "AND identity_id = ? AND used_at IS NULL AND expires_at > ? FOR UPDATE")
                .params(reference, identity.value(), Timestamps.utc(now))
                .query((rs, n) -> new Button(rs.getString("action"), rs.getLong("form_version")))
                .optional();
        found.ifPresent(b -> jdbc.sql("UPDATE button_refs SET used_at = ? WHERE reference = ?")
                .params(Timestamps.utc(now), reference)
                .update());
        return found;
    }

    public record Button(String action, long formVersion) {}

    // --- outbox -------------------------------------------------------------------------

    /** Writes a reply; its id (time-ordered, {@code OutboxIds}) orders the replies of one chat. */
    public void insertOutbox(UUID id, Chat chat, String payload, Instant now) {
        jdbc.sql("INSERT INTO outbox_messages (id, identity_id, channel, recipient, payload, status, attempts, "
                        + "next_attempt_at, claimed_until, last_error, created_at, sent_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, NULL, NULL, ?, NULL)")
                .params(
                        id,
                        chat.identityId().value(),
                        chat.channel().wireName(),
                        chat.recipient(),
                        payload,
                        Timestamps.utc(now),
                        Timestamps.utc(now))
                .update();
    }

    /** A row the relay may claim, and its channel. */
    public record Due(UUID id, Network channel) {}

    /**
     * Rows due now on these channels, not claimed by a live lease, each the earliest PENDING row of
     * its chat (so one chat's rows go one at a time, in order): half the newest written (a reply
     * to someone who just wrote is not queued behind a drain of old rows), half the longest due
     * (nothing starves); at most {@code limit}.
     */
    public List<Due> due(Collection<Network> channels, Instant now, int limit) {
        if (channels.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Due> newest = due(channels, now, limit, "o.created_at DESC, o.id DESC");
        List<Due> oldest = newest.size() < limit ? List.of() : due(channels, now, limit, "o.next_attempt_at, o.id");
        java.util.LinkedHashMap<UUID, Due> merged = new java.util.LinkedHashMap<>();
        for (int i = 0; merged.size() < limit && (i < newest.size() || i < oldest.size()); i++) {
            if (i < newest.size()) {
                merged.putIfAbsent(newest.get(i).id(), newest.get(i));
            }
            if (i < oldest.size() && merged.size() < limit) {
                merged.putIfAbsent(oldest.get(i).id(), oldest.get(i));
            }
        }
        return List.copyOf(merged.values());
    }

    // "the earliest pending row of its chat" as a correlated probe of outbox_messages_chat, not
    // NOT EXISTS: on fresh statistics PostgreSQL planned that as a nested anti-join over every
    // pending row (10 s for 10,000 rows instead of 1 ms).
    private List<Due> due(Collection<Network> channels, Instant now, int limit, String order) {
        return jdbc.sql("SELECT o.id, o.channel FROM outbox_messages o WHERE o.status = 'PENDING' "
                        + "AND o.next_attempt_at <= :now AND (o.claimed_until IS NULL OR o.claimed_until < :now) "
                        + "AND o.channel IN (:channels) AND o.id = (SELECT e.id FROM outbox_messages e "
                        + "WHERE e.channel = o.channel AND e.recipient = o.recipient AND e.status = 'PENDING' "
                        + "ORDER BY e.id LIMIT 1) ORDER BY " + order + " LIMIT :limit")
                .param("now", Timestamps.utc(now))
                .param("channels", channels.stream().map(Network::wireName).toList())
                .param("limit", limit)
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), network(rs.getString("channel"))))
                .list();
    }

    /**
     * The chat's earliest pending row when it is due now and not under a live lease (the relay's
     * next send of a chat whose previous row it just finished), through the chat index.
     */
    public Optional<UUID> nextDue(Network channel, String recipient, Instant now) {
        return jdbc.sql("SELECT o.id FROM outbox_messages o WHERE o.id = (SELECT e.id FROM outbox_messages e "
                        + "WHERE e.channel = ? AND e.recipient = ? AND e.status = 'PENDING' ORDER BY e.id LIMIT 1) "
                        + "AND o.next_attempt_at <= ? AND (o.claimed_until IS NULL OR o.claimed_until < ?)")
                .params(channel.wireName(), recipient, Timestamps.utc(now), Timestamps.utc(now))
                .query((rs, n) -> rs.getObject("id", UUID.class))
                .optional();
    }

    /** Channels with pending rows, at most 20: to tell which have no sender. */
    public List<String> pendingChannels() {
        return jdbc.sql("SELECT DISTINCT channel FROM outbox_messages WHERE status = 'PENDING' LIMIT 20")
                .query(String.class)
                .list();
    }

    /**
     * Takes a lease on a due row until {@code until}; false when another relay holds one or it is
     * no longer pending. The lease's end is its token: a later claim can only be made after it, so
     * it ends later, and only the holder of a lease records an outcome (below).
     */
    public boolean claim(UUID id, Instant now, Instant until) {
        return jdbc.sql("UPDATE outbox_messages SET claimed_until = ? WHERE id = ? "
                                + "AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)")
                        .params(Timestamps.utc(until), id, Timestamps.utc(now))
                        .update()
                == 1;
    }

    /**
     * {@link #claim} of a row just written, only when it is its chat's earliest pending row and
     * due: a reply handed to a free worker the moment its transaction commits (issue 22). False
     * otherwise (an earlier row of its chat is still pending, another relay holds it): the
     * dispatcher takes it in its chat's order.
     */
    public boolean claimIfFirst(UUID id, Network channel, String recipient, Instant now, Instant until) {
        return jdbc.sql("UPDATE outbox_messages SET claimed_until = ? WHERE id = ? AND status = 'PENDING' "
                                + "AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) "
                                + "AND id = (SELECT e.id FROM outbox_messages e WHERE e.channel = ? AND e.recipient = ? "
                                + "AND e.status = 'PENDING' ORDER BY e.id LIMIT 1)")
                        .params(
                                Timestamps.utc(until),
                                id,
                                Timestamps.utc(now),
                                Timestamps.utc(now),
                                channel.wireName(),
                                recipient)
                        .update()
                == 1;
    }

    /** The row, while it is pending under this lease, and whether its chat has a later pending row. */
    public Optional<Pending> pending(UUID id, Instant lease) {
        return jdbc.sql("SELECT o.id, o.identity_id, o.channel, o.recipient, o.payload, o.attempts, o.created_at, "
                        + "EXISTS (SELECT 1 FROM outbox_messages e WHERE e.channel = o.channel AND e.recipient = o.recipient "
                        + "AND e.status = 'PENDING' AND e.id > o.id) AS later_pending FROM outbox_messages o "
                        + "WHERE o.id = ? AND o.status = 'PENDING' AND o.claimed_until = ?")
                .params(id, Timestamps.utc(lease))
                .query((rs, n) -> pending(rs, rs.getBoolean("later_pending")))
                .optional();
    }

    private static Pending pending(java.sql.ResultSet rs, boolean laterPending) throws java.sql.SQLException {
        return new Pending(
                rs.getObject("id", UUID.class),
                new IdentityId(rs.getObject("identity_id", UUID.class)),
                network(rs.getString("channel")),
                rs.getString("recipient"),
                rs.getString("payload"),
                rs.getInt("attempts"),
                Timestamps.instant(rs, "created_at"),
                laterPending);
    }

    // Every outcome below is written only under the lease that sent it: a send slower than the
    // lease, whose row another relay has since claimed, changes nothing (security review #17).

    /**
     * SUCCEEDED or FAILED. A finished row's {@code next_attempt_at} is when its content is blanked
     * (now: blanked at once). False when the lease was lost.
     */
    public boolean finish(
            UUID id,
            Instant lease,
            String status,
            int attempts,
            String error,
            Instant sentAt,
            Instant purgeAt,
            boolean blankNow) {
        return jdbc.sql("UPDATE outbox_messages SET status = ?, attempts = ?, last_error = ?, sent_at = ?, "
                                + "next_attempt_at = ?, claimed_until = NULL" + (blankNow ? ", payload = ''" : "")
                                + " WHERE id = ? AND claimed_until = ? AND status = 'PENDING'")
                        .params(
                                status,
                                attempts,
                                clip(error),
                                Timestamps.utc(sentAt),
                                Timestamps.utc(purgeAt),
                                id,
                                Timestamps.utc(lease))
                        .update()
                == 1;
    }

    /** A failed try, again at {@code next}. False when the lease was lost. */
    public boolean retryLater(UUID id, Instant lease, int attempts, String error, Instant next) {
        return jdbc.sql("UPDATE outbox_messages SET attempts = ?, last_error = ?, next_attempt_at = ?, "
                                + "claimed_until = NULL WHERE id = ? AND claimed_until = ? AND status = 'PENDING'")
                        .params(attempts, clip(error), Timestamps.utc(next), id, Timestamps.utc(lease))
                        .update()
                == 1;
    }

    /** Nothing was sent (a rate limit): again at {@code next}, no try counted. False when the lease was lost. */
    public boolean notNow(UUID id, Instant lease, String reason, Instant next) {
        return jdbc.sql("UPDATE outbox_messages SET last_error = ?, next_attempt_at = ?, claimed_until = NULL "
                                + "WHERE id = ? AND claimed_until = ? AND status = 'PENDING'")
                        .params(clip(reason), Timestamps.utc(next), id, Timestamps.utc(lease))
                        .update()
                == 1;
    }

    /** A send whose fate is not known; {@code since} starts the janitor's grace period. False when the lease was lost. */
    public boolean markUnknown(UUID id, Instant lease, int attempts, String error, Instant since) {
        return jdbc.sql(
                                "UPDATE outbox_messages SET status = 'UNKNOWN', attempts = ?, last_error = ?, "
                                        + "next_attempt_at = ?, claimed_until = NULL WHERE id = ? AND claimed_until = ? AND status = 'PENDING'")
                        .params(attempts, clip(error), Timestamps.utc(since), id, Timestamps.utc(lease))
                        .update()
                == 1;
    }

    public Optional<String> status(UUID id) {
        return jdbc.sql("SELECT status FROM outbox_messages WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    public int attempts(UUID id) {
        return jdbc.sql("SELECT attempts FROM outbox_messages WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    /** The payload column as stored (links sealed, or blanked: empty); for tests and support. */
    public Optional<String> storedPayload(UUID id) {
        return jdbc.sql("SELECT payload FROM outbox_messages WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** UNKNOWN rows whose fate has been unknown since before {@code before}, oldest first. */
    public List<Pending> unknownBefore(Instant before, int limit) {
        return jdbc.sql(
                        "SELECT id, identity_id, channel, recipient, payload, attempts, created_at FROM outbox_messages "
                                + "WHERE status = 'UNKNOWN' AND next_attempt_at < ? ORDER BY next_attempt_at, id LIMIT ?")
                .params(Timestamps.utc(before), limit)
                .query((rs, n) -> pending(rs, false))
                .list();
    }

    /** Sends an UNKNOWN row again; false when something else settled it first. */
    public boolean resend(UUID id, Instant now) {
        return jdbc.sql("UPDATE outbox_messages SET status = 'PENDING', next_attempt_at = ? "
                                + "WHERE id = ? AND status = 'UNKNOWN'")
                        .params(Timestamps.utc(now), id)
                        .update()
                == 1;
    }

    /** Gives an UNKNOWN row up, its content blanked; false when something else settled it first. */
    public boolean giveUp(UUID id, String reason) {
        return jdbc.sql("UPDATE outbox_messages SET status = 'FAILED', last_error = ?, payload = '' "
                                + "WHERE id = ? AND status = 'UNKNOWN'")
                        .params(clip(reason), id)
                        .update()
                == 1;
    }

    /**
     * Blanks the content of at most {@code limit} finished rows whose blanking time (their
     * {@code next_attempt_at}) fell in {@code [from, before)}: a bounded range of the due index, so
     * a run never reads the rows blanked long ago.
     */
    public int blankFinishedPayloads(Instant from, Instant before, int limit) {
        List<UUID> ids = jdbc.sql(
                        "SELECT id FROM outbox_messages WHERE status IN ('SUCCEEDED', 'FAILED') "
                                + "AND next_attempt_at >= ? AND next_attempt_at < ? AND payload <> '' ORDER BY next_attempt_at LIMIT ?")
                .params(Timestamps.utc(from), Timestamps.utc(before), limit)
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE outbox_messages SET payload = '' WHERE id IN (:ids)")
                .param("ids", ids)
                .update();
    }

    // --- recent payees and preferred chats -----------------------------------------------

    /** Remembers that the payer paid the payee now. */
    public void paid(CustomerId payer, CustomerId payee, Instant now) {
        int updated = jdbc.sql(
                        "UPDATE recent_payees SET paid_at = ? WHERE payer_customer_id = ? AND payee_customer_id = ?")
                .params(Timestamps.utc(now), payer.value(), payee.value())
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO recent_payees (payer_customer_id, payee_customer_id, paid_at) VALUES (?, ?, ?)")
                        .params(payer.value(), payee.value(), Timestamps.utc(now))
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                // a concurrent payment to the same payee recorded it; its time is as good
            }
        }
    }

    /** The payer's most recent payees, newest first. */
    public List<CustomerId> recentPayees(CustomerId payer, int limit) {
        return jdbc.sql("SELECT payee_customer_id FROM recent_payees WHERE payer_customer_id = ? "
                        + "ORDER BY paid_at DESC, payee_customer_id LIMIT ?")
                .params(payer.value(), limit)
                .query((rs, n) -> new CustomerId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** A chat and when it last handled a message of its customer's (its conversation's last change). */
    public record Active(Chat chat, Instant at) {}

    /** The chats linked to the customer, the most recently active first. */
    public List<Active> chatsByActivity(CustomerId customer, int limit) {
        return jdbc.sql("SELECT identity_id, channel, recipient, updated_at FROM conversations WHERE customer_id = ? "
                        + "ORDER BY updated_at DESC, identity_id LIMIT ?")
                .params(customer.value(), limit)
                .query((rs, n) -> new Active(
                        new Chat(
                                new IdentityId(rs.getObject("identity_id", UUID.class)),
                                network(rs.getString("channel")),
                                rs.getString("recipient")),
                        Timestamps.instant(rs, "updated_at")))
                .list();
    }

    /** The dialogue states of the customer's chats, the most recently active first. */
    public List<String> statesOf(CustomerId customer, int limit) {
        return jdbc.sql(
                        "SELECT state FROM conversations WHERE customer_id = ? ORDER BY updated_at DESC, identity_id LIMIT ?")
                .params(customer.value(), limit)
                .query(String.class)
                .list();
    }

    /** A chat account's private chat and the customer it was last seen linked to (null when none). */
    public record ChatOf(Chat chat, CustomerId customer) {}

    /** The private chat of a chat account that wrote to the bank (issue 19: a person's replies go there). */
    public Optional<ChatOf> chatOf(IdentityId identity) {
        return jdbc.sql("SELECT identity_id, channel, recipient, customer_id FROM conversations WHERE identity_id = ?")
                .param(identity.value())
                .query((rs, n) -> new ChatOf(
                        new Chat(
                                new IdentityId(rs.getObject("identity_id", UUID.class)),
                                network(rs.getString("channel")),
                                rs.getString("recipient")),
                        rs.getObject("customer_id", UUID.class) == null
                                ? null
                                : new CustomerId(rs.getObject("customer_id", UUID.class))))
                .optional();
    }

    /**
     * Drops what the engine keeps of a chat account beyond the audit: its dialogue state and its
     * unused buttons. Inbox and outbox rows stay until the retention deletes them.
     */
    public void forget(IdentityId identity) {
        jdbc.sql("DELETE FROM button_refs WHERE identity_id = ?")
                .param(identity.value())
                .update();
        jdbc.sql("DELETE FROM conversations WHERE identity_id = ?")
                .param(identity.value())
                .update();
    }

    // --- retention ------------------------------------------------------------------------

    /** Deletes at most {@code limit} inbox rows received before {@code before}; returns how many. */
    public int deleteInboxBefore(Instant before, int limit) {
        List<Object[]> keys = jdbc.sql("SELECT channel, external_message_id FROM inbox_messages WHERE received_at < ? "
                        + "ORDER BY received_at LIMIT ?")
                .params(Timestamps.utc(before), limit)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2)})
                .list();
        int deleted = 0;
        for (Object[] key : keys) {
            deleted += jdbc.sql("DELETE FROM inbox_messages WHERE channel = ? AND external_message_id = ?")
                    .params(key[0], key[1])
                    .update();
        }
        return deleted;
    }

    /** Deletes at most {@code limit} button rows that expired before {@code before}. */
    public int deleteButtonsBefore(Instant before, int limit) {
        return deleteByIds(
                "button_refs",
                "reference",
                jdbc.sql("SELECT reference FROM button_refs WHERE expires_at < ? " + "ORDER BY expires_at LIMIT ?")
                        .params(Timestamps.utc(before), limit)
                        .query(String.class)
                        .list());
    }

    /** Deletes at most {@code limit} SUCCEEDED or FAILED outbox rows created before {@code before}. */
    public int deleteFinishedOutboxBefore(Instant before, int limit) {
        return deleteByIds(
                "outbox_messages",
                "id",
                jdbc.sql(
                                "SELECT id FROM outbox_messages "
                                        + "WHERE status IN ('SUCCEEDED', 'FAILED') AND created_at < ? ORDER BY created_at LIMIT ?")
                        .params(Timestamps.utc(before), limit)
                        .query(UUID.class)
                        .list());
    }

    private int deleteByIds(String table, String column, List<?> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM " + table + " WHERE " + column + " IN (:ids)")
                .param("ids", ids)
                .update();
    }

    /** Outbox ids of one chat, oldest first (for tests and support). */
    public List<UUID> outboxOf(IdentityId identity) {
        return jdbc.sql("SELECT id FROM outbox_messages WHERE identity_id = ? ORDER BY id")
                .param(identity.value())
                .query(UUID.class)
                .list();
    }

    /** The outbox states (PENDING, SUCCEEDED, FAILED, UNKNOWN) of these messages; a row already forgotten is absent. */
    public Map<UUID, String> outboxStates(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> states = new HashMap<>();
        jdbc.sql("SELECT id, status FROM outbox_messages WHERE id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query(rs -> {
                    states.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return states;
    }

    private static String clip(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }

    private static Network network(String wireName) {
        return Network.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("unknown channel " + wireName));
    }
}
