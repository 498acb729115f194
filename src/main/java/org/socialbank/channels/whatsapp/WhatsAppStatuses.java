package org.socialbank.channels.whatsapp;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.engine.DeliveryReports;

/**
 * Turns Meta's statuses into outbox outcomes: sent, delivered and read are recorded on the row
 * (the furthest one reached); a free-form message refused because the customer-service window had
 * closed (131047) closes the window and goes back to the relay once, to leave as a template (or
 * to fail if there is none, so that another channel can be tried); any other failure makes the
 * row FAILED with Meta's code.
 */
class WhatsAppStatuses {

    static final int WINDOW_CLOSED = 131047;

    private static final Logger log = LoggerFactory.getLogger(WhatsAppStatuses.class);

    private final WhatsAppStore store;
    private final DeliveryReports reports;
    private final Clock clock;

    WhatsAppStatuses(WhatsAppStore store, DeliveryReports reports, Clock clock) {
        this.store = store;
        this.reports = reports;
        this.clock = clock;
    }

    /** A status from the webhook; kept even when its message is not known yet. */
    void reported(WhatsAppUpdates.Status status) {
        Instant now = clock.instant();
        store.reported(status.wamid(), status.status(), status.errorCode(), status.errorTitle(), now)
                .filter(sent -> sent.outboxId() != null)
                .ifPresent(sent -> apply(sent, status.at() == null ? now : status.at()));
    }

    /** Brings the outbox row in line with the message's status. */
    void apply(WhatsAppStore.Sent sent, Instant at) {
        if (sent.status() == null) {
            return;
        }
        if (!"failed".equals(sent.status())) {
            reports.reached(sent.outboxId(), sent.status(), at);
            return;
        }
        String reason = "WhatsApp error " + sent.errorCode() + ": " + sent.errorTitle();
        if (sent.errorCode() == WINDOW_CLOSED && "free".equals(sent.kind())) {
            store.closeWindow(sent.recipient());
            if (reports.sendAgain(sent.outboxId(), reason, clock.instant())) {
                log.info("whatsapp: {} arrived outside the 24-hour window; sent again as a template", sent.outboxId());
                return;
            }
        }
        if (reports.failed(sent.outboxId(), reason, at)) {
            log.warn("whatsapp: {} failed after it was accepted: {}", sent.outboxId(), reason);
        }
    }
}
