package org.socialbank.channels.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.engine.DeliveryReports;
import org.socialbank.shared.jdbc.DurableTransactions;

/**
 * Turns Meta's statuses into outbox outcomes: sent, delivered and read are recorded on the row
 * (the furthest one reached); a free-form message refused because the customer-service window had
 * closed (131047) closes the window and goes back to the relay once, to leave as a template (or
 * to fail if there is none, so that another channel can be tried); a message refused for a rate
 * limit (130429, 4, 80007, 429, and 131056 for one user: {@link RateLimits}) pauses sending as the
 * sender's own refusals do and goes back to the relay after the pause, as a wait and not a try,
 * unless Meta had said it reached the user (review 2026-12-07 channels follow-up); any other
 * failure makes the row FAILED with Meta's code. A status is recorded, its failure claimed and
 * applied to the row in one transaction: a fault in between leaves nothing, and Meta's redelivery
 * applies it (review 2026-12-07 whatsapp follow-up #1).
 */
class WhatsAppStatuses {

    static final int WINDOW_CLOSED = 131047;

    private static final Logger log = LoggerFactory.getLogger(WhatsAppStatuses.class);

    private final WhatsAppStore store;
    private final DeliveryReports reports;
    private final Pacing pacing;
    private final WhatsAppProperties properties;
    private final DurableTransactions writes;
    private final Clock clock;

    WhatsAppStatuses(
            WhatsAppStore store,
            DeliveryReports reports,
            Pacing pacing,
            WhatsAppProperties properties,
            DurableTransactions writes,
            Clock clock) {
        this.store = store;
        this.writes = writes;
        this.reports = reports;
        this.pacing = pacing;
        this.properties = properties;
        this.clock = clock;
    }

    /** A status from the webhook; kept even when its message is not known yet. */
    void reported(WhatsAppUpdates.Status status) {
        writes.write(tx -> {
            record(status);
            return null;
        });
    }

    private void record(WhatsAppUpdates.Status status) {
        Instant now = clock.instant();
        Instant at = status.at() == null ? now : status.at();
        Optional<WhatsAppStore.Sent> news =
                store.reported(status.wamid(), status.status(), status.errorCode(), status.errorTitle(), now);
        if (news.isEmpty() && !"failed".equals(status.status()) && !"sent".equals(status.status())) {
            // a message refused for a rate limit that reached the user after all is not sent again
            store.reachedAfterWait(status.wamid(), status.status(), now)
                    .filter(sent -> sent.outboxId() != null)
                    .filter(sent -> reports.reachedAfterAll(sent.outboxId(), sent.status(), at))
                    .ifPresent(sent -> log.info(
                            "whatsapp: {} reached the user after its rate limit; not sent again", sent.outboxId()));
            return;
        }
        if (news.isEmpty() && "failed".equals(status.status())) {
            // a failure recorded before whose application is still unclaimed is applied now
            news = store.sent(status.wamid())
                    .filter(sent -> "failed".equals(sent.status()))
                    .filter(sent -> !store.failureClaimed(sent.wamid()));
        }
        news.filter(sent -> sent.outboxId() != null).ifPresent(sent -> apply(sent, at));
    }

    /**
     * Brings the outbox row in line with the message's status. A failure of a row that is still the
     * relay's (PENDING: Meta's answer came, the relay has not recorded the send yet) is only
     * recorded here, and applied by {@link #recordedSent} once the relay has recorded the send;
     * applied now, its failure would be reported and then the row made SUCCEEDED by the relay, never
     * sent again (review 2026-12-07 channels follow-up).
     */
    void apply(WhatsAppStore.Sent sent, Instant at) {
        if (sent.status() == null) {
            return;
        }
        if (!"failed".equals(sent.status())) {
            reports.reached(sent.outboxId(), sent.status(), at);
            return;
        }
        if (reports.inFlight(sent.outboxId())) {
            log.info(
                    "whatsapp: {} reported failed during its send; applied once the send is recorded", sent.outboxId());
            return;
        }
        if (store.claimFailure(sent.wamid(), clock.instant())) {
            failed(sent, at);
        }
    }

    /** The relay recorded the row SUCCEEDED: a failure Meta reported during the send is applied now, once. */
    void recordedSent(UUID outboxId) {
        for (WhatsAppStore.Sent sent : store.failedOf(outboxId)) {
            writes.write(
                    tx -> { // the claim and its application, or neither
                        if (store.claimFailure(sent.wamid(), clock.instant())) {
                            failed(sent, clock.instant());
                        }
                        return null;
                    });
        }
    }

    /** Meta refused a message it had accepted, and this is the one application of it to its row. */
    private void failed(WhatsAppStore.Sent sent, Instant at) {
        String reason = "WhatsApp error " + sent.errorCode() + ": " + sent.errorTitle();
        if (sent.errorCode() == WINDOW_CLOSED && "free".equals(sent.kind())) {
            store.closeWindow(sent.recipient());
            if (reports.sendAgain(sent.outboxId(), reason, clock.instant())) {
                log.info("whatsapp: {} arrived outside the 24-hour window; sent again as a template", sent.outboxId());
                return;
            }
        }
        Duration wait = pacing.pause(RateLimits.reported(sent.errorCode(), properties), sent.recipient(), reason);
        if (!wait.isZero()) {
            Instant now = clock.instant();
            switch (reports.sendLater(sent.outboxId(), reason, now.plus(wait), now)) {
                case SENT_LATER -> {
                    log.info("whatsapp: {} was refused for a rate limit; sent again after {}", sent.outboxId(), wait);
                    return;
                }
                case REACHED -> {
                    log.info("whatsapp: {} was refused for a rate limit, but had reached the user", sent.outboxId());
                    return;
                }
                case WAITED_TOO_LONG -> reason = "rate limited for longer than rate-limit-wait-max: " + reason;
                case REFUSED -> {}
            }
        }
        if (reports.failed(sent.outboxId(), reason, at)) {
            log.warn("whatsapp: {} failed after it was accepted: {}", sent.outboxId(), reason);
        }
    }
}
