package org.socialbank.channels.x;

import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.channels.PublicMentionReceived;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Received;
import org.socialbank.shared.Faults;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Takes the Account Activity webhook's calls: answers CRC challenges, checks each post's signature
 * before its body is read, and hands each event to the engine once (its id is recorded after the
 * engine answered; the engine's own inbox, keyed by the same id, absorbs a replay in between).
 * Events are handled one by one: one that throws is recorded as {@code failed} (so X's replays
 * skip it) and the rest of its post still goes on; only a database, transaction or I/O fault asks
 * X to post again, and the event it hit is then not recorded.
 */
public class XInbox {

    private static final Logger log = LoggerFactory.getLogger(XInbox.class);

    /** The kind recorded for an event whose handling threw. */
    static final String FAILED = "failed";

    /**
     * The conversation engine ({@code Conversations::receive}): it handles a message once and runs
     * {@code alongside}, given the turn's replies, in the message's transaction.
     */
    @FunctionalInterface
    interface Engine {
        Received receive(InboundMessage message, Consumer<Received.Handled> alongside);
    }

    /** What became of one webhook post. */
    public enum Delivery {
        HANDLED,
        OFF,
        BAD_SIGNATURE,
        MALFORMED,
        RETRY_LATER
    }

    private final XProperties properties;
    private final XUpdates.Account bank;
    private final XStore store;
    private final XChoices choices;
    private final Engine engine;
    private final Clock clock;
    private final Consumer<PublicMentionReceived> listeners;

    XInbox(XProperties properties, XStore store, XChoices choices, Engine engine, Clock clock) {
        this(properties, store, choices, engine, clock, mention -> {});
    }

    XInbox(
            XProperties properties,
            XStore store,
            XChoices choices,
            Engine engine,
            Clock clock,
            Consumer<PublicMentionReceived> listeners) {
        this.listeners = listeners;
        this.properties = properties;
        this.bank = new XUpdates.Account(properties.userId(), properties.screenName(), properties.blocked());
        this.store = store;
        this.choices = choices;
        this.engine = engine;
        this.clock = clock;
    }

    /** The answer to a CRC challenge. */
    public sealed interface Challenge {}

    /** The channel is off on this node. */
    public record Off() implements Challenge {}

    /** The token is not shaped like X's (it could be an event body): not answered. */
    public record Refused() implements Challenge {}

    public record Answered(String responseToken) implements Challenge {}

    /**
     * Answers a CRC challenge, only for a token shaped like X's: the answer is an HMAC keyed like
     * event signatures, so it must never be computed over something that could be a body.
     */
    public Challenge crc(String crcToken) {
        if (!properties.enabled()) {
            return new Off();
        }
        if (!XSignatures.crcTokenShaped(crcToken)) {
            log.debug(
                    "x: a CRC challenge with a token not shaped like X's was refused ({} characters)",
                    crcToken == null ? 0 : crcToken.length());
            return new Refused();
        }
        return new Answered(XSignatures.crcResponse(properties.consumerSecret(), crcToken));
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
        boolean retry = false;
        for (XUpdates.Event event : XUpdates.read(payload, bank)) {
            retry |= !handle(event);
        }
        retry |= !publishMentions(payload);
        return retry ? Delivery.RETRY_LATER : Delivery.HANDLED;
    }

    /**
     * Tells social listening about the public mentions (idempotent downstream by tweet id, so a
     * redelivered post is harmless); false when a database, transaction or I/O fault stopped it,
     * so that X posts it again and listening gets them then (the post's events, handled already,
     * are skipped). Any other failure is logged and never repeats the delivery.
     */
    private boolean publishMentions(JsonNode payload) {
        try {
            XUpdates.publicMentions(payload, bank).forEach(listeners);
            return true;
        } catch (RuntimeException e) {
            boolean again = Faults.infrastructure(e);
            log.warn(
                    "x: public mentions not handed to listening ({}){}",
                    e.getClass().getSimpleName(),
                    again ? "; X will post them again" : "");
            return !again;
        }
    }

    /**
     * A DM that is one of the chat's open choice numbers is a press ({@link XChoices}). The sets it
     * ends (the one pressed; those shown before a text or before the bank's answer to it) end in the
     * message's transaction: so a fault that makes X post it again finds them as they were, and a
     * Buttons reply is numbered only once they ended.
     */
    private void toEngine(InboundMessage message) {
        XChoices.Reading reading = choices.read(message);
        engine.receive(reading.message(), handled -> choices.settle(reading, handled.replies()));
    }

    /**
     * Handles one event; false when the store or a transaction failed (a database, transaction or
     * I/O fault, {@link Faults#infrastructure}), so that X posts it again: such a fault rolled the
     * engine's work back, and recording the event now would make X's redelivery skip a message
     * nobody handled (review 2026-12-07 channels #1).
     */
    private boolean handle(XUpdates.Event event) {
        try {
            if (store.handled(event.eventId())) {
                log.debug("x event {} seen before", event.eventId());
                return true;
            }
            String kind = event.kind();
            try {
                event.message().ifPresent(this::toEngine);
            } catch (RuntimeException e) {
                if (Faults.infrastructure(e)) {
                    throw e;
                }
                // a poison event: recorded once, never tried again
                log.error("x event {} ({}) failed and is recorded as failed", event.eventId(), event.kind(), e);
                kind = FAILED;
            }
            store.markHandled(event.eventId(), kind, clock.instant());
            return true;
        } catch (RuntimeException e) {
            if (!Faults.infrastructure(e)) {
                throw e;
            }
            log.warn(
                    "x event {} not handled: a database, transaction or I/O fault ({}); X will post it again",
                    event.eventId(),
                    e.getClass().getSimpleName());
            return false;
        }
    }
}
