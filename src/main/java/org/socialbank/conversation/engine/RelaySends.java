package org.socialbank.conversation.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.shared.Network;

/**
 * One claimed outbox row through its channel's {@link ChannelSender}, outside any transaction:
 * the payload opened, the send made, and what the sender said (or threw) turned into a
 * {@link SendOutcome} that {@link RelayOutcomes} writes under the row's lease. Split out of
 * {@link OutboxRelay} so what a send's fault means (unknown unless nothing was sent) is decided in
 * one place, apart from the threads that run it.
 */
final class RelaySends {

    /** Logs under the relay's name, as before the split, so log settings keyed on it still apply. */
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final PayloadSeal seal;
    private final Map<Network, ChannelSender> senders;
    private final RelayOutcomes outcomes;
    private final RelayMetrics metrics;
    private final Clock clock;

    RelaySends(
            PayloadSeal seal,
            Map<Network, ChannelSender> senders,
            RelayOutcomes outcomes,
            RelayMetrics metrics,
            Clock clock) {
        this.seal = seal;
        this.senders = senders;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Sends the row and records the outcome under its lease; true when it was sent and recorded. */
    boolean send(JdbcConversations.Pending row, Instant lease) {
        if (!clock.instant().isBefore(lease)) {
            return false; // the lease ran out before its turn: another relay may hold the row now
        }
        Optional<OutboundMessage> message = decoded(row);
        if (message.isEmpty()) {
            outcomes.undecodable(row, lease);
            return false;
        }
        ChannelSender sender = senders.get(row.channel());
        SendOutcome outcome = outcome(sender, message.get());
        if (!outcomes.record(row, lease, outcome)) {
            log.warn(
                    "outbox {} on {}: the lease was lost during the send; its outcome ({}) is not recorded, the "
                            + "relay that holds the row now records its own",
                    row.id(),
                    row.channel().wireName(),
                    outcome.getClass().getSimpleName());
            return false;
        }
        if (outcome instanceof SendOutcome.Sent) {
            recordedSent(sender, row);
        }
        return outcome instanceof SendOutcome.Sent;
    }

    /**
     * The row's message, or empty when its payload cannot be read (not JSON of an {@code Outbound},
     * or a sealed link that does not open): it would fail the same way at every lease, and hold
     * every later reply of its chat behind it, so it is failed at once, logged by its id and counted
     * (review 2026-12-07 channels follow-up). Never the payload in the log: it may hold a link.
     */
    private Optional<OutboundMessage> decoded(JdbcConversations.Pending row) {
        try {
            return Optional.of(new OutboundMessage(
                    row.id(),
                    row.identityId(),
                    row.channel(),
                    row.recipient(),
                    Json.outbound(seal.open(row.id(), row.payload()))));
        } catch (RuntimeException e) {
            log.warn(
                    "outbox {} on {}: its payload cannot be read ({}); failed, not sent",
                    row.id(),
                    row.channel().wireName(),
                    e.getClass().getSimpleName());
            metrics.undecodable(row.channel());
            return Optional.empty();
        }
    }

    /**
     * What the sender said. A sender that throws may have sent before throwing: unknown, unless it
     * says nothing was sent ({@link ChannelSender.NothingSent}, a fault of its reads before the
     * call): then a failed try, retried when the fault may pass (review 2026-12-07 channels follow-up).
     */
    private static SendOutcome outcome(ChannelSender sender, OutboundMessage message) {
        try {
            return sender.send(message, message.id().toString());
        } catch (ChannelSender.NothingSent e) {
            return new SendOutcome.Failed(e.retryable(), e.getMessage());
        } catch (RuntimeException e) {
            return new SendOutcome.Unknown("sender threw " + e);
        }
    }

    /** A report the platform made while the row was still ours is applied now (review 2026-12-07 channels follow-up). */
    private static void recordedSent(ChannelSender sender, JdbcConversations.Pending row) {
        try {
            sender.recordedSent(row.id());
        } catch (RuntimeException e) {
            log.warn("outbox {}: a report made during its send was not applied: {}", row.id(), e.toString());
        }
    }
}
