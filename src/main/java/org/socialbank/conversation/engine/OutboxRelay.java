package org.socialbank.conversation.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.ConversationProperties;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.directory.Network;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox: claims due rows one at a time with a lease, sends each through its channel's
 * {@link ChannelSender} outside any transaction, and records the outcome: SUCCEEDED, a jittered
 * retry, FAILED after {@code send-attempts-max} tries or a final "no", or UNKNOWN after a send
 * whose fate is not known (never resent blindly).
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration RETRY_MAX = Duration.ofHours(1);

    private final JdbcConversations store;
    private final Map<Network, ChannelSender> senders = new EnumMap<>(Network.class);
    private final ConversationProperties properties;
    private final Clock clock;
    private final Set<String> reportedWithoutSender = ConcurrentHashMap.newKeySet();

    OutboxRelay(JdbcConversations store, List<ChannelSender> senders, ConversationProperties properties, Clock clock) {
        this.store = store;
        for (ChannelSender sender : senders) {
            if (this.senders.put(sender.network(), sender) != null) {
                throw new IllegalStateException("two ChannelSenders for " + sender.network().wireName());
            }
        }
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${socialbank.conversation.relay-interval:1s}",
            initialDelayString = "${socialbank.conversation.relay-interval:1s}")
    void scheduled() {
        if (properties.relayEnabled()) {
            relay();
        }
    }

    /** One run over at most {@code relay-batch-max} due rows; returns how many were sent. */
    public int relay() {
        reportChannelsWithoutSender();
        Instant now = clock.instant();
        int sent = 0;
        for (UUID id : store.due(senders.keySet(), now, properties.relayBatchMax())) {
            // each lease from the time it is taken: slow sends before it must not shorten it
            Instant claimed = clock.instant();
            if (store.claim(id, claimed, claimed.plus(properties.relayLease()))) {
                sent += store.pending(id).map(this::send).orElse(false) ? 1 : 0;
            }
        }
        return sent;
    }

    private boolean send(JdbcConversations.Pending row) {
        OutboundMessage message = new OutboundMessage(row.id(), row.identityId(), row.channel(), row.recipient(),
                Json.outbound(row.payload()));
        SendOutcome outcome;
        try {
            outcome = senders.get(row.channel()).send(message, row.id().toString());
        } catch (RuntimeException e) {
            outcome = new SendOutcome.Unknown("sender threw " + e); // it may have sent before throwing
        }
        int attempts = row.attempts() + 1;
        Instant now = clock.instant();
        if (outcome instanceof SendOutcome.Sent) {
            store.finish(row.id(), "SUCCEEDED", attempts, null, now);
            return true;
        }
        if (outcome instanceof SendOutcome.Unknown unknown) {
            log.warn("outbox {} on {}: outcome unknown ({}); left for the janitor", row.id(), row.channel().wireName(),
                    unknown.reason());
            store.markUnknown(row.id(), attempts, unknown.reason(), now);
            return false;
        }
        SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
        if (!failed.retryable() || attempts >= properties.sendAttemptsMax()) {
            log.warn("outbox {} on {}: failed after {} tries: {}", row.id(), row.channel().wireName(), attempts,
                    failed.reason());
            store.finish(row.id(), "FAILED", attempts, failed.reason(), null);
        } else {
            store.retryLater(row.id(), attempts, failed.reason(), now.plus(backoff(attempts)));
        }
        return false;
    }

    /** retry-base doubled per try, capped at an hour, times a random factor in [0.5, 1.5). */
    Duration backoff(int attempts) {
        Duration base = properties.retryBase().multipliedBy(1L << Math.min(attempts - 1, 20));
        Duration capped = base.compareTo(RETRY_MAX) > 0 ? RETRY_MAX : base;
        return Duration.ofMillis((long) (capped.toMillis() * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    /** The sender of a channel, if this node has one. */
    java.util.Optional<ChannelSender> sender(Network channel) {
        return java.util.Optional.ofNullable(senders.get(channel));
    }

    private void reportChannelsWithoutSender() {
        for (String channel : store.pendingChannels()) {
            boolean served = Network.fromWireName(channel).filter(senders::containsKey).isPresent();
            if (!served && reportedWithoutSender.add(channel)) {
                log.warn("replies wait in the outbox for {}, which has no ChannelSender on this node", channel);
            }
        }
    }
}
