package org.socialbank.channels.whatsapp;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.Conversations;
import org.socialbank.shared.Faults;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Takes Meta's webhook calls: answers the verification GET, checks each post's signature before
 * its body is read, and handles each message and status once (its id is recorded after it was
 * handled; the engine's own inbox, keyed by the wamid, absorbs a redelivery in between). A user's
 * message opens their customer-service window before the engine answers it; one whose timestamp is
 * older than {@code message-age-max} is a replayed post, recorded and not answered (review
 * 2026-12-07 whatsapp follow-up #5). At most {@link WhatsAppUpdates#EVENTS_MAX} new events are
 * handled per post; the rest is answered 503, and Meta's redelivery skips what was handled.
 */
public class WhatsAppInbox {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppInbox.class);
    private static final Pattern CHALLENGE = Pattern.compile("[\\x21-\\x7e]{1,256}");

    /** What became of one webhook post. */
    public enum Delivery {
        HANDLED,
        OFF,
        BAD_SIGNATURE,
        MALFORMED,
        /** A database, transaction or I/O fault stopped the post: answered 503 so that Meta posts it again. */
        RETRY_LATER
    }

    private final WhatsAppProperties properties;
    private final WhatsAppStore store;
    private final WhatsAppStatuses statuses;
    private final Conversations conversations;
    private final Clock clock;

    WhatsAppInbox(
            WhatsAppProperties properties,
            WhatsAppStore store,
            WhatsAppStatuses statuses,
            Conversations conversations,
            Clock clock) {
        this.properties = properties;
        this.store = store;
        this.statuses = statuses;
        this.conversations = conversations;
        this.clock = clock;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * The challenge to echo to Meta's verification request; empty unless the mode is
     * {@code subscribe} and the verify token matches (compared in constant time).
     */
    public Optional<String> verify(String mode, String verifyToken, String challenge) {
        if (!properties.enabled()
                || !"subscribe".equals(mode)
                || challenge == null
                || !CHALLENGE.matcher(challenge).matches()) {
            return Optional.empty();
        }
        return WhatsAppSignatures.equal(properties.verifyToken(), verifyToken)
                ? Optional.of(challenge)
                : Optional.empty();
    }

    /** One event post: nothing is read or stored unless the signature proves the raw body. */
    public Delivery deliver(String signature, byte[] body) {
        if (!properties.enabled()) {
            return Delivery.OFF;
        }
        if (!WhatsAppSignatures.matches(properties.appSecret(), body, signature)) {
            return Delivery.BAD_SIGNATURE;
        }
        JsonNode payload;
        try {
            payload = WhatsAppApi.JSON.readTree(body);
        } catch (JacksonException e) {
            return Delivery.MALFORMED;
        }
        if (payload == null || !payload.isObject()) {
            return Delivery.MALFORMED;
        }
        int handled = 0;
        for (WhatsAppUpdates.Event event : WhatsAppUpdates.read(payload, properties.phoneNumberId())) {
            Handled done = handle(event, handled == WhatsAppUpdates.EVENTS_MAX);
            if (done == Handled.NOT_NOW) {
                return Delivery.RETRY_LATER; // the rest comes again with the redelivery
            }
            handled += done == Handled.NOW ? 1 : 0;
        }
        return Delivery.HANDLED;
    }

    /** What became of one event of a post. */
    private enum Handled {
        /** Handled now (or found failing for good, recorded so). */
        NOW,
        /** Handled by an earlier post: skipped. */
        BEFORE,
        /** Not handled: a fault, or the post's {@link WhatsAppUpdates#EVENTS_MAX} reached. Meta posts it again. */
        NOT_NOW
    }

    /**
     * Handles one event, unless the post is {@code full}; {@link Handled#NOT_NOW} when a database,
     * transaction or I/O fault ({@link Faults#infrastructure}) stopped it. Such an event is not recorded, so that Meta's redelivery
     * handles it: the fault rolled the engine's work back (review 2026-12-07 channels #1).
     */
    private Handled handle(WhatsAppUpdates.Event event, boolean full) {
        try {
            if (store.handled(event.eventId())) {
                log.debug("whatsapp event {} seen before", event.eventId());
                return Handled.BEFORE;
            }
            if (full) {
                log.info(
                        "whatsapp: more than {} new events in one post; Meta posts the rest again",
                        WhatsAppUpdates.EVENTS_MAX);
                return Handled.NOT_NOW;
            }
            String kind;
            try {
                kind = act(event);
            } catch (RuntimeException e) {
                if (Faults.infrastructure(e)) {
                    throw e;
                }
                // this event alone cannot be handled: recorded, so that Meta's redeliveries do not repeat it for days
                log.warn("whatsapp event {} failed: {}", event.eventId(), e.toString());
                kind = "failed";
            }
            store.markHandled(event.eventId(), kind.length() > 16 ? kind.substring(0, 16) : kind, clock.instant());
            return Handled.NOW;
        } catch (RuntimeException e) {
            if (!Faults.infrastructure(e)) {
                throw e;
            }
            log.warn(
                    "whatsapp event {} not handled: a database, transaction or I/O fault ({}); Meta will post it again",
                    event.eventId(),
                    e.getClass().getSimpleName());
            return Handled.NOT_NOW;
        }
    }

    private String act(WhatsAppUpdates.Event event) {
        if (event instanceof WhatsAppUpdates.Message message) {
            Instant now = clock.instant();
            if (message.at() != null && message.at().isBefore(now.minus(properties.messageAgeMax()))) {
                // older than any redelivery of Meta's: a replayed post, recorded and not answered
                log.info("whatsapp event {} is older than message-age-max; not answered", event.eventId());
                return "too_old";
            }
            Instant at = message.at() == null || message.at().isAfter(now) ? now : message.at();
            store.wrote(message.waId(), at);
            message.message().ifPresent(conversations::receive);
            return message.kind();
        }
        if (event instanceof WhatsAppUpdates.Preference preference) { // no window: she wrote nothing
            preference.message().ifPresent(conversations::receive);
            return "preference";
        }
        statuses.reported((WhatsAppUpdates.Status) event);
        return "status";
    }
}
