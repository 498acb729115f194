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
 * message opens their customer-service window before the engine answers it.
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
        for (WhatsAppUpdates.Event event : WhatsAppUpdates.read(payload, properties.phoneNumberId())) {
            if (!handle(event)) {
                return Delivery.RETRY_LATER; // the rest comes again with the redelivery
            }
        }
        return Delivery.HANDLED;
    }

    /**
     * Handles one event; false when a database, transaction or I/O fault ({@link
     * Faults#infrastructure}) stopped it. Such an event is not recorded, so that Meta's redelivery
     * handles it: the fault rolled the engine's work back (review 2026-12-07 channels #1).
     */
    private boolean handle(WhatsAppUpdates.Event event) {
        try {
            if (store.handled(event.eventId())) {
                log.debug("whatsapp event {} seen before", event.eventId());
                return true;
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
            return true;
        } catch (RuntimeException e) {
            if (!Faults.infrastructure(e)) {
                throw e;
            }
            log.warn(
                    "whatsapp event {} not handled: a database, transaction or I/O fault ({}); Meta will post it again",
                    event.eventId(),
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private String act(WhatsAppUpdates.Event event) {
        if (event instanceof WhatsAppUpdates.Message message) {
            Instant now = clock.instant();
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
