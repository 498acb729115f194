package org.socialbank.channels.webchat.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.socialbank.channels.webchat.WebChatMessages;
import org.socialbank.channels.webchat.WebChatProperties;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.IdentityUnlinked;
import org.socialbank.directory.LinkStep;
import org.socialbank.directory.Unlinking;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a linked web-chat session (security review #10) and the per-address send limit
 * (#9). A session is linked on the web chat's own sign-in page and rotated then (the chat account
 * and its messages move to a fresh visitor id); it ends after {@code linked-idle-timeout} without
 * a message or {@code linked-lifetime} after sign-in: the chat account is unlinked and its
 * messages are moved out of the old cookie's reach. Unlinking the chat any other way (typing
 * "unlink", the customer's API or "not you? unlink here") ends its session the same way, in the
 * unlink's own transaction. A linked chat account with no session row (linked before sessions
 * existed, or by other means) counts as ended, and the janitor unlinks it.
 */
@Component
class WebChatSessions {

    static final int BATCH_MAX = 500;

    /** What a visitor's session is now. */
    enum State {
        ANONYMOUS,
        LINKED,
        ENDED
    }

    private final JdbcClient jdbc;
    private final WebChatMessages messages;
    private final ChannelIdentities identities;
    private final Unlinking unlinking;
    private final WebChatProperties properties;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final DurableTransactions writes;
    private final Clock clock;
    /** Where the janitor's walk through the linked web chats goes on (this node's; "" from the start). */
    private volatile String orphansAfter = "";

    WebChatSessions(
            JdbcClient jdbc,
            WebChatMessages messages,
            ChannelIdentities identities,
            Unlinking unlinking,
            WebChatProperties properties,
            TransactionTemplate transactions,
            DurableTransactions writes,
            Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.identities = identities;
        this.unlinking = unlinking;
        this.properties = properties;
        this.transactions = transactions;
        this.savepoints = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.writes = writes;
        this.clock = clock;
    }

    /** The session's state; a linked session past its idle or absolute expiry is ended here and now. */
    State check(String visitor) {
        Optional<Instant[]> session = jdbc.sql(
                        "SELECT linked_at, last_seen_at, ended_at FROM webchat_sessions " + "WHERE visitor = ?")
                .param(visitor)
                .query((rs, n) ->
                        new Instant[] {Timestamps.instant(rs, 1), Timestamps.instant(rs, 2), Timestamps.instant(rs, 3)})
                .optional();
        if (session.isPresent() && session.get()[2] != null) {
            return State.ENDED;
        }
        Optional<ChannelIdentity> identity = identities.identity(Network.WEBCHAT, visitor);
        if (identity.isEmpty() || !identity.get().linked()) {
            return State.ANONYMOUS;
        }
        Instant now = clock.instant();
        boolean live = session.isPresent()
                && session.get()[0].plus(properties.linkedLifetime()).isAfter(now)
                && session.get()[1].plus(properties.linkedIdleTimeout()).isAfter(now);
        if (live) {
            return State.LINKED;
        }
        end(identity.get());
        return State.ENDED;
    }

    /**
     * What the open streams of these visitors may still show (at most {@link
     * WebChatMessages#VISITORS_MAX}, one query, ending nothing): {@code LINKED} for a live session,
     * {@code ENDED} for one ended or past its idle or absolute expiry (which {@link #check} or the
     * janitor ends later); a visitor without a session row (anonymous) is absent; one
     * rotated away by a sign-in is {@code ENDED}.
     * It reads the store, so a session ended on another node is seen too.
     */
    Map<String, State> streamStates(Collection<String> visitors) {
        if (visitors.isEmpty()) {
            return Map.of();
        }
        if (visitors.size() > WebChatMessages.VISITORS_MAX) {
            throw new IllegalArgumentException("at most " + WebChatMessages.VISITORS_MAX + " visitors per query");
        }
        Instant now = clock.instant();
        Map<String, State> states = new HashMap<>();
        jdbc.sql("SELECT visitor, linked_at, last_seen_at, ended_at FROM webchat_sessions WHERE visitor IN (:visitors)")
                .param("visitors", visitors)
                .query((rs, n) -> Map.entry(
                        rs.getString(1),
                        Timestamps.instant(rs, 4) == null
                                        && Timestamps.instant(rs, 2)
                                                .plus(properties.linkedLifetime())
                                                .isAfter(now)
                                        && Timestamps.instant(rs, 3)
                                                .plus(properties.linkedIdleTimeout())
                                                .isAfter(now)
                                ? State.LINKED
                                : State.ENDED))
                .list()
                .forEach(e -> states.put(e.getKey(), e.getValue()));
        return states;
    }

    /** The visitor sent a message: a linked session stays alive. */
    void seen(String visitor) {
        jdbc.sql("UPDATE webchat_sessions SET last_seen_at = ? WHERE visitor = ?")
                .params(Timestamps.utc(now()), visitor)
                .update();
    }

    /**
     * The web chat's sign-in page takes the code ({@code enterCode}); when that links the chat, the
     * browser gets a new session in the same transaction: the old visitor's messages move to the
     * new one, and the old cookie reads nothing any more. One transaction, so a crash cannot leave
     * the chat linked under a visitor id no browser holds and no session row (review 2026-12-07).
     */
    LinkStep signIn(String oldVisitor, String newVisitor, Supplier<LinkStep> enterCode) {
        return writes.write(status -> {
            LinkStep step = enterCode.get();
            if (step instanceof LinkStep.Linked && oldVisitor != null) {
                rotate(oldVisitor, newVisitor);
            }
            return step;
        });
    }

    /**
     * The old visitor keeps an ended tombstone, written before its messages move (as {@link
     * #retire} does): a reply queued under the old id before the sign-in and relayed after it is
     * refused by {@code WebChatSender}, and a copied old cookie is refused, not taken for a new
     * anonymous visitor that reads whatever was stored under its id since (reread 2026-12-08).
     */
    private void rotate(String oldVisitor, String newVisitor) {
        tombstone(oldVisitor, now());
        messages.moveTo(oldVisitor, newVisitor);
        jdbc.sql("INSERT INTO webchat_sessions (visitor, linked_at, last_seen_at) VALUES (?, ?, ?)")
                .params(newVisitor, Timestamps.utc(now()), Timestamps.utc(now()))
                .update();
    }

    /**
     * Counts a message from this address and says whether it is within the per-address limit of
     * the last minute (on every node).
     */
    boolean admitFromAddress(String remoteAddress) {
        String key = addressKey(remoteAddress);
        Instant now = now();
        int recent = jdbc.sql("SELECT COUNT(*) FROM webchat_address_sends WHERE address_key = ? AND sent_at > ?")
                .params(key, Timestamps.utc(now.minusSeconds(60)))
                .query(Integer.class)
                .single();
        if (recent >= properties.messagesPerAddressPerMinuteMax()) {
            return false;
        }
        jdbc.sql("INSERT INTO webchat_address_sends (id, address_key, sent_at) VALUES (?, ?, ?)")
                .params(UUID.randomUUID(), key, Timestamps.utc(now))
                .update();
        return true;
    }

    /**
     * The key of the per-address limit: an IPv4 address as it is, an IPv6 address by its /64
     * (one subscriber usually holds a whole /64, so per-address IPv6 limits are free to rotate).
     */
    static String addressKey(String remoteAddress) {
        // only address literals reach InetAddress, which then never asks the DNS
        boolean literal = remoteAddress != null
                && remoteAddress.length() <= 64
                && (remoteAddress.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
                        || remoteAddress.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"));
        if (!literal) {
            return "unknown";
        }
        try {
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length == 4) {
                return "ip4:" + HexFormat.of().formatHex(bytes);
            }
            return "ip6:" + HexFormat.of().formatHex(bytes, 0, 8) + "/64";
        } catch (UnknownHostException | SecurityException e) {
            return "unknown";
        }
    }

    /**
     * Ends linked sessions past their expiry and linked web chats without a session, and forgets
     * address counts older than the minute.
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    int expire() {
        Instant now = clock.instant();
        List<String> due = jdbc.sql("SELECT visitor FROM webchat_sessions WHERE ended_at IS NULL "
                        + "AND (last_seen_at <= ? OR linked_at <= ?) ORDER BY last_seen_at LIMIT ?")
                .params(
                        Timestamps.utc(now.minus(properties.linkedIdleTimeout())),
                        Timestamps.utc(now.minus(properties.linkedLifetime())),
                        BATCH_MAX)
                .query(String.class)
                .list();
        due.forEach(visitor -> identities
                .identity(Network.WEBCHAT, visitor)
                .ifPresentOrElse(
                        this::end,
                        () -> jdbc.sql("DELETE FROM webchat_sessions WHERE visitor = ?")
                                .param(visitor)
                                .update()));
        int orphans = endOrphans();
        // an ended session stays as a tombstone as long as messages are kept: without it the old
        // cookie would pass as anonymous and read whatever was stored under its id since
        // (review 2026-12-07); WebChatSender stores nothing for an ended visitor either
        jdbc.sql("DELETE FROM webchat_sessions WHERE ended_at < ?")
                .param(Timestamps.utc(now.minus(properties.retention())))
                .update();
        List<UUID> old = jdbc.sql("SELECT id FROM webchat_address_sends WHERE sent_at < ? ORDER BY sent_at LIMIT ?")
                .params(Timestamps.utc(now.minus(Duration.ofMinutes(2))), 10 * BATCH_MAX)
                .query(UUID.class)
                .list();
        if (!old.isEmpty()) {
            jdbc.sql("DELETE FROM webchat_address_sends WHERE id IN (:ids)")
                    .param("ids", old)
                    .update();
        }
        return due.size() + orphans;
    }

    /**
     * One page (at most {@link #BATCH_MAX}) of the walk through the linked web chats: each without a
     * session row is ended. No browser holds its visitor id (linked before sessions existed, or a
     * sign-in that lost its rotation), yet alerts would go to it. The walk wraps around, so every
     * linked web chat is looked at again within (linked web chats / 500) minutes.
     */
    int endOrphans() {
        List<ChannelIdentity> linked = identities.linkedAfter(Network.WEBCHAT, orphansAfter, BATCH_MAX);
        orphansAfter =
                linked.size() < BATCH_MAX ? "" : linked.get(linked.size() - 1).externalId();
        if (linked.isEmpty()) {
            return 0;
        }
        Set<String> withSession =
                Set.copyOf(jdbc.sql("SELECT visitor FROM webchat_sessions WHERE visitor IN (:visitors)")
                        .param(
                                "visitors",
                                linked.stream().map(ChannelIdentity::externalId).toList())
                        .query(String.class)
                        .list());
        List<ChannelIdentity> orphans = linked.stream()
                .filter(i -> !withSession.contains(i.externalId()))
                .toList();
        orphans.forEach(this::end);
        return orphans.size();
    }

    /**
     * A web chat was unlinked (typed "unlink", the customer's API, "not you? unlink here", or its
     * session's end): in that same transaction its session ends as {@link #end} ends it, so the
     * cookie reads no history from now on (review 2026-12-07). {@code Linking.link} publishes this
     * before it ties the chat to another customer, the chat still linked: that sign-in rotates the
     * session instead.
     */
    @EventListener
    void on(IdentityUnlinked event) {
        if (event.channel() != Network.WEBCHAT) {
            return;
        }
        identities.identity(event.identityId()).filter(i -> !i.linked()).ifPresent(i -> retire(i.externalId()));
    }

    /**
     * Unlinks the chat account (the listener above then retires it) and retires it in any case, so
     * that a chat unlinked already has its session ended too.
     */
    private void end(ChannelIdentity identity) {
        transactions.executeWithoutResult(status -> {
            unlinking.unlink(identity.id());
            retire(identity.externalId());
        });
    }

    /**
     * Marks the session ended, so its cookie is refused from now on, and moves the visitor's
     * messages under a retired id that no cookie can name. The session row is written first: it
     * stays locked until the transaction ends, so {@code WebChatSender} (which reads it locked)
     * stores nothing under the old id between the move and the commit. Runs in the caller's
     * transaction; doing it twice changes nothing.
     */
    private void retire(String visitor) {
        tombstone(visitor, now());
        jdbc.sql("UPDATE webchat_messages SET visitor = ? WHERE visitor = ?")
                .params("ended-" + UUID.randomUUID(), visitor)
                .update();
    }

    /** Marks the visitor's session ended, writing its row if it has none; the row stays locked. */
    private void tombstone(String visitor, Instant now) {
        if (markEnded(visitor, now) == 0) {
            try {
                // under a savepoint: two nodes ending the same chat without a session row both
                // insert; PostgreSQL aborts a transaction whose statement failed, so the loser
                // rolls back the savepoint only and marks the winner's row (review 2026-12-07)
                savepoints.executeWithoutResult(
                        status -> jdbc.sql("INSERT INTO webchat_sessions (visitor, linked_at, last_seen_at, ended_at) "
                                        + "VALUES (?, ?, ?, ?)")
                                .params(visitor, Timestamps.utc(now), Timestamps.utc(now), Timestamps.utc(now))
                                .update());
            } catch (DuplicateKeyException raced) {
                markEnded(visitor, now);
            }
        }
    }

    private int markEnded(String visitor, Instant now) {
        return jdbc.sql("UPDATE webchat_sessions SET ended_at = COALESCE(ended_at, ?) WHERE visitor = ?")
                .params(Timestamps.utc(now), visitor)
                .update();
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
