package org.socialbank.channels.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.shared.Network;
import tools.jackson.databind.JsonNode;

/**
 * Reads one webhook payload ({@code object = whatsapp_business_account}, its entries' changes of
 * field {@code messages} for the bank's number) into messages for the engine and statuses of the
 * bank's own messages. Texts, reply-button and list answers, template quick replies, shared
 * contacts and locations are read; a reaction or a system notice is not answered; any other kind
 * (a picture, a voice note, "unsupported") gets the help text, so nobody is left without an answer.
 * Plain Java.
 */
final class WhatsAppUpdates {

    /**
     * Events handled from one post at most, those handled before not counted: the rest is answered
     * 503, so that Meta posts it again (review 2026-12-07 whatsapp follow-up #3). Every event of
     * a post is read; the post's size is bounded by {@code webhook-max-body-bytes}.
     */
    static final int EVENTS_MAX = 1_000;
    /** The reference of the reply button that stands for "share my phone" (our sender's {@code AskPhone}). */
    static final String SHARE_PHONE = "sb-share-phone";

    /** A WhatsApp user id that is a phone number in international form without '+'. */
    private static final Pattern WA_ID = Pattern.compile("[1-9][0-9]{6,14}");

    private static final Pattern WAMID =
            Pattern.compile("[A-Za-z0-9._=+/:-]{1," + InboundMessage.MESSAGE_ID_LENGTH_MAX + "}");
    private static final Set<String> IGNORED = Set.of("reaction", "system", "ephemeral", "request_welcome");
    private static final Set<String> STATUSES = Set.of("sent", "delivered", "read", "failed");

    private WhatsAppUpdates() {}

    /** What one payload holds, in order. */
    sealed interface Event {
        /** The key of its dedupe row. */
        String eventId();
    }

    /**
     * A user's message.
     *
     * @param waId the sender, whose customer-service window it opens
     * @param at when the user sent it
     * @param message what the engine gets; empty when the bank does not answer it
     */
    record Message(String eventId, String waId, Instant at, String kind, Optional<InboundMessage> message)
            implements Event {}

    /**
     * What Meta says of one of the bank's messages.
     *
     * @param status {@code sent}, {@code delivered}, {@code read} or {@code failed}
     * @param errorCode Meta's code of a failure, 0 otherwise
     */
    record Status(
            String eventId, String wamid, String status, String recipient, Instant at, int errorCode, String errorTitle)
            implements Event {}

    /**
     * A user's marketing preference (issue 17, 2.5: field {@code user_preferences}, category
     * {@code marketing_messages}): "stop" is a {@code Stop} for the engine, which withdraws her
     * marketing consent on WhatsApp; "resume" is recorded and not answered (it is no consent). It
     * opens no customer-service window: she wrote nothing.
     */
    record Preference(String eventId, String waId, String value, Optional<InboundMessage> message) implements Event {}

    /** The events for the bank's number ({@code phoneNumberId}); an empty list for anything else. */
    static List<Event> read(JsonNode payload, String phoneNumberId) {
        List<Event> events = new ArrayList<>();
        if (!"whatsapp_business_account".equals(payload.path("object").asString(""))) {
            return events;
        }
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                if (!phoneNumberId.equals(
                        value.path("metadata").path("phone_number_id").asString(""))) {
                    continue;
                }
                if ("user_preferences".equals(change.path("field").asString(""))) {
                    for (JsonNode preference : value.path("user_preferences")) {
                        add(events, preference(preference));
                    }
                    continue;
                }
                if (!"messages".equals(change.path("field").asString(""))) {
                    continue;
                }
                for (JsonNode message : value.path("messages")) {
                    add(events, message(message, value.path("contacts")));
                }
                for (JsonNode status : value.path("statuses")) {
                    add(events, status(status));
                }
            }
        }
        return events;
    }

    private static void add(List<Event> events, Optional<? extends Event> event) {
        event.ifPresent(events::add);
    }

    static Optional<Preference> preference(JsonNode preference) {
        String waId = preference.path("wa_id").asString("");
        String value = preference.path("value").asString("");
        if (!WA_ID.matcher(waId).matches()
                || !"marketing_messages".equals(preference.path("category").asString(""))
                || !(value.equals("stop") || value.equals("resume"))) {
            return Optional.empty();
        }
        String eventId =
                "p:" + waId + ":" + value + ":" + preference.path("timestamp").asString("0");
        if (eventId.length() > InboundMessage.MESSAGE_ID_LENGTH_MAX) {
            return Optional.empty();
        }
        if (value.equals("resume")) {
            return Optional.of(new Preference(eventId, waId, value, Optional.empty()));
        }
        return Optional.of(new Preference(
                eventId,
                waId,
                value,
                Optional.of(
                        new InboundMessage(Network.WHATSAPP, eventId, waId, waId, "+" + waId, new Inbound.Stop()))));
    }

    static Optional<Message> message(JsonNode message, JsonNode contacts) {
        String wamid = message.path("id").asString("");
        String from = message.path("from").asString("");
        if (!WAMID.matcher(wamid).matches() || !WA_ID.matcher(from).matches()) {
            return Optional.empty();
        }
        String eventId = "m:" + wamid;
        String type = message.path("type").asString("");
        Instant at = instant(message.path("timestamp"));
        if (IGNORED.contains(type)) {
            return Optional.of(new Message(eventId, from, at, type, Optional.empty()));
        }
        Optional<Inbound> content = content(type, message, from);
        Inbound inbound = content.orElseGet(() -> new Inbound.Text("help"));
        try {
            // the id Meta gives is the engine's key too: a redelivery is a duplicate there as well
            // a WhatsApp handle is the number's digits (as the directory keeps WhatsApp aliases)
            InboundMessage read = new InboundMessage(Network.WHATSAPP, wamid, from, from, "+" + from, inbound);
            return Optional.of(
                    new Message(eventId, from, at, content.isPresent() ? type : "unsupported", Optional.of(read)));
        } catch (IllegalArgumentException e) {
            return Optional.of(new Message(eventId, from, at, "invalid", Optional.empty()));
        }
    }

    /** The message as the engine reads it; empty for a kind the bank cannot read. */
    private static Optional<Inbound> content(String type, JsonNode message, String from) {
        switch (type) {
            case "text":
                String body = clean(message.path("text").path("body").asString(""));
                return body.isBlank() ? Optional.empty() : Optional.of(new Inbound.Text(body));
            case "interactive":
                JsonNode interactive = message.path("interactive");
                JsonNode reply = interactive.has("button_reply")
                        ? interactive.path("button_reply")
                        : interactive.path("list_reply");
                return reference(reply.path("id").asString(""), from);
            case "button": // a template's quick-reply button
                JsonNode button = message.path("button");
                Optional<Inbound> pressed = reference(button.path("payload").asString(""), from);
                String text = clean(button.path("text").asString(""));
                return pressed.isPresent() || text.isBlank() ? pressed : Optional.of(new Inbound.Text(text));
            case "contacts":
                return contact(message.path("contacts"), from);
            case "location":
                JsonNode location = message.path("location");
                if (!location.path("latitude").isNumber()
                        || !location.path("longitude").isNumber()) {
                    return Optional.empty();
                }
                double lat = location.path("latitude").asDouble();
                double lon = location.path("longitude").asDouble();
                return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180
                        ? Optional.of(new Inbound.Location(lat, lon))
                        : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /**
     * A pressed button or list row. Its id is one of our opaque references (checked by the engine);
     * "share my phone" stands for the sender's own number, which WhatsApp vouches for.
     */
    private static Optional<Inbound> reference(String id, String from) {
        if (SHARE_PHONE.equals(id)) {
            return Optional.of(new Inbound.Contact("+" + from, true));
        }
        return id.isEmpty()
                        || id.length() > Inbound.REFERENCE_LENGTH_MAX
                        || id.chars().anyMatch(Character::isISOControl)
                ? Optional.empty()
                : Optional.of(new Inbound.Button(id));
    }

    /**
     * A shared contact card: the sender's own number when one of its phones carries the sender's
     * {@code wa_id} (WhatsApp vouches for it), else the first phone, which proves nothing.
     */
    private static Optional<Inbound> contact(JsonNode contacts, String from) {
        String first = null;
        for (JsonNode contact : contacts) {
            for (JsonNode phone : contact.path("phones")) {
                if (from.equals(phone.path("wa_id").asString(""))) {
                    return Optional.of(new Inbound.Contact("+" + from, true));
                }
                String number = phone.path("phone").asString("").replaceAll("[^0-9+]", "");
                if (first == null && number.length() >= 3 && number.length() <= 32) {
                    first = number;
                }
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Inbound.Contact(first, false));
    }

    static Optional<Status> status(JsonNode status) {
        String wamid = status.path("id").asString("");
        String state = status.path("status").asString("");
        if (!WAMID.matcher(wamid).matches() || !STATUSES.contains(state)) {
            return Optional.empty();
        }
        JsonNode error = status.path("errors").path(0);
        int code = error.path("code").asInt(0);
        String title = clean(error.path("title").asString(error.path("message").asString("")));
        return Optional.of(new Status(
                "s:" + wamid + ":" + state,
                wamid,
                state,
                status.path("recipient_id").asString(""),
                instant(status.path("timestamp")),
                code,
                title.length() > 200 ? title.substring(0, 200) : title));
    }

    /** Meta's timestamps are epoch seconds as a string. */
    private static Instant instant(JsonNode timestamp) {
        try {
            long seconds = Long.parseLong(timestamp.asString(""));
            return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String clean(String text) {
        String clean = text.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
        return clean.length() > Inbound.TEXT_LENGTH_MAX ? clean.substring(0, Inbound.TEXT_LENGTH_MAX) : clean;
    }
}
