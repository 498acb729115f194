package org.socialbank.channels.x;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.Conversations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Takes the Account Activity webhook's calls: answers CRC challenges, checks each post's signature
 * before its body is read, and hands each event to the engine once (its id is recorded after the
 * engine answered; the engine's own inbox, keyed by the same id, absorbs a replay in between).
 */
public class XInbox {

    private static final Logger log = LoggerFactory.getLogger(XInbox.class);

    /** What became of one webhook post. */
    public enum Delivery { HANDLED, OFF, BAD_SIGNATURE, MALFORMED }

    private final XProperties properties;
    private final XEvents.Account bank;
    private final XStore store;
    private final Conversations conversations;
    private final Clock clock;

    XInbox(XProperties properties, XStore store, Conversations conversations, Clock clock) {
        this.properties = properties;
        this.bank = new XEvents.Account(properties.userId(), properties.screenName(), properties.blocked());
        this.store = store;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** The {@code response_token} for a CRC challenge; empty when the channel is off or the token unusable. */
    public Optional<String> crc(String crcToken) {
        if (!properties.enabled() || crcToken == null || crcToken.isEmpty() || crcToken.length() > 1024) {
            return Optional.empty();
        }
        return Optional.of(XSignatures.crcResponse(properties.consumerSecret(), crcToken));
    }

    /** One event post: nothing is read or stored unless the signature proves the body. */
    public Delivery deliver(String signature, byte[] body) {
        if (!properties.enabled()) {
            return Delivery.OFF;
        }
        if (!XSignatures.matches(properties.consumerSecret(), body, signature)) {
            return Delivery.BAD_SIGNATURE;
        }
        JsonNode payload;
        try {
            payload = XApi.JSON.readTree(body);
        } catch (JacksonException e) {
            return Delivery.MALFORMED;
        }
        if (payload == null || !payload.isObject()) {
            return Delivery.MALFORMED;
        }
        for (XEvents.Event event : XEvents.read(payload, bank)) {
            handle(event);
        }
        return Delivery.HANDLED;
    }

    private void handle(XEvents.Event event) {
        if (store.handled(event.eventId())) {
            log.debug("x event {} seen before", event.eventId());
            return;
        }
        event.message().ifPresent(conversations::receive);
        store.markHandled(event.eventId(), event.kind(), clock.instant());
    }
}
