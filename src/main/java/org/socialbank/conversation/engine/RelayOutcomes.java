package org.socialbank.conversation.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.ConversationProperties;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.shared.OutboundReported;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Writes what the platform answered to a send, under the lease that sent it only: SUCCEEDED, a
 * jittered retry, FAILED after {@code send-attempts-max} tries or a final "no", UNKNOWN after a
 * send whose fate is not known (never resent blindly, left for the janitor), or, for a rate
 * limit's "not now", the row back until then without a try counted. Split out of
 * {@link OutboxRelay} so the outbox's states and their side effects (the report to the modules
 * that track a message, the delay metric, the payload's blanking) are decided in one place.
 */
final class RelayOutcomes {

    /** Logs under the relay's name, as before the split, so log settings keyed on it still apply. */
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcConversations store;
    private final ConversationProperties properties;
    private final Clock clock;
    private final RelayWaits waits;
    private final RelayMetrics metrics;
    /** Tells the modules that track a message (issue 17's campaigns) what the platform answered. */
    private final ApplicationEventPublisher events;

    RelayOutcomes(
            JdbcConversations store,
            ConversationProperties properties,
            Clock clock,
            RelayMetrics metrics,
            ApplicationEventPublisher events) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.waits = new RelayWaits(properties.retryBase());
        this.metrics = metrics;
        this.events = events;
    }

    /** Writes the outcome under the lease; false when the lease was lost (nothing written). */
    boolean record(JdbcConversations.Pending row, Instant lease, SendOutcome outcome) {
        Instant now = clock.instant();
        int attempts = row.attempts() + 1;
        if (outcome instanceof SendOutcome.Sent) {
            return finish(row, lease, "SUCCEEDED", attempts, null, now);
        }
        if (outcome instanceof SendOutcome.NotNow notNow) {
            if (now.isBefore(row.createdAt().plus(properties.rateLimitWaitMax()))) {
                return store.notNow(
                        row.id(), lease, notNow.reason(), now.plus(RelayWaits.notNowWait(notNow.retryAfter())));
            }
            outcome = new SendOutcome.Failed(
                    true, "rate limited for longer than rate-limit-wait-max: " + notNow.reason());
        }
        if (outcome instanceof SendOutcome.Unknown unknown) {
            log.warn(
                    "outbox {} on {}: outcome unknown ({}); left for the janitor",
                    row.id(),
                    row.channel().wireName(),
                    unknown.reason());
            return store.markUnknown(row.id(), lease, attempts, unknown.reason(), now);
        }
        return failed(row, lease, attempts, (SendOutcome.Failed) outcome, now);
    }

    /** FAILED for good after a final "no" or the last try; else the row back after a backoff. */
    private boolean failed(
            JdbcConversations.Pending row, Instant lease, int attempts, SendOutcome.Failed failed, Instant now) {
        if (!failed.retryable() || attempts >= properties.sendAttemptsMax()) {
            log.warn(
                    "outbox {} on {}: failed after {} tries: {}",
                    row.id(),
                    row.channel().wireName(),
                    attempts,
                    failed.reason());
            return finish(row, lease, "FAILED", attempts, failed.reason(), now);
        }
        return store.retryLater(row.id(), lease, attempts, failed.reason(), now.plus(waits.backoff(attempts)));
    }

    /** A payload that cannot be read fails at once, as one try (it would fail the same way at every lease). */
    boolean undecodable(JdbcConversations.Pending row, Instant lease) {
        return finish(row, lease, "FAILED", row.attempts() + 1, "undecodable payload", clock.instant());
    }

    /** The content (links: bearer secrets) is blanked at once, or by the janitor after sent-payload-ttl. */
    private boolean finish(
            JdbcConversations.Pending row, Instant lease, String status, int attempts, String error, Instant now) {
        Duration ttl = properties.sentPayloadTtl();
        boolean finished = store.finish(
                row.id(),
                lease,
                status,
                attempts,
                error,
                "SUCCEEDED".equals(status) ? now : null,
                now.plus(ttl),
                ttl.isZero());
        if (finished) {
            report(row.id(), "SUCCEEDED".equals(status) ? "accepted" : "failed", error, now);
        }
        if (finished && "SUCCEEDED".equals(status)) {
            metrics.delivered(row.channel(), Duration.between(row.createdAt(), now));
        }
        return finished;
    }

    /** A listener's fault never undoes a send that happened: it is logged, and the report is lost. */
    private void report(java.util.UUID id, String state, String reason, Instant now) {
        try {
            events.publishEvent(new OutboundReported(id, state, reason, now));
        } catch (RuntimeException e) {
            log.warn("outbox {}: the {} report was not recorded", id, state, e);
        }
    }
}
