package org.socialbank.channels.telegram;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.socialbank.conversation.Outbound;
import org.socialbank.shared.PublicText;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine's replies as Bot API calls: always one {@code sendMessage} in plain text (no
 * {@code parse_mode}, so nothing the bank or a customer wrote can be read as markup), with an
 * inline keyboard for buttons and links and a reply keyboard for "share my phone".
 */
final class TelegramReplies {

    static final int TEXT_LENGTH_MAX = 4_096;
    static final int CALLBACK_DATA_BYTES_MAX = 64;
    private static final int ROW_MAX = 3;

    private TelegramReplies() {}

    /** One Bot API call. */
    record Call(String method, ObjectNode parameters) {}

    /** A recipient that answers one message of a group: {@code reply:<chat id>:<message id>}. */
    static final String REPLY_PREFIX = "reply:";

    /** The chat a recipient is in: the chat id itself, or the group of a {@code reply:} recipient. */
    static String chatOf(String recipient) {
        if (!recipient.startsWith(REPLY_PREFIX)) {
            return recipient;
        }
        String rest = recipient.substring(REPLY_PREFIX.length());
        int colon = rest.lastIndexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    /**
     * @param recipient a chat id, or {@code reply:<chat id>:<message id>} to answer that message
     *     (sent anyway, as a plain message, when the message is gone)
     * @throws IllegalArgumentException when the reply cannot be sent on Telegram (a reference over
     *     64 bytes, a malformed reply recipient), or a group answer is anything but a text fit for a
     *     public channel ({@link PublicText}: no number, no money; listening refuses it before it is
     *     queued, this is the second lock)
     */
    static Call render(Outbound content, String recipient) {
        ObjectNode p = TelegramApi.JSON.createObjectNode();
        String chatId = chatOf(recipient);
        p.put("chat_id", chatId);
        if (!chatId.equals(recipient)) {
            String messageId = recipient.substring(REPLY_PREFIX.length() + chatId.length() + 1);
            if (!chatId.matches("-?[0-9]{1,20}") || !messageId.matches("[0-9]{1,19}")) {
                throw new IllegalArgumentException("not a reply recipient: " + recipient);
            }
            if (!(content instanceof Outbound.Text t) || !PublicText.mayBePosted(t.text())) {
                throw new IllegalArgumentException("a group answer must be a text with no number and no money");
            }
            p.put("reply_to_message_id", Long.parseLong(messageId)).put("allow_sending_without_reply", true);
        }
        if (content instanceof Outbound.Text t) {
            p.put("text", bounded(t.text()));
        } else if (content instanceof Outbound.Buttons b) {
            p.put("text", bounded(b.text()));
            p.set("reply_markup", inline(b.buttons()));
        } else if (content instanceof Outbound.Link l) {
            link(p, l);
        } else if (content instanceof Outbound.Receipt r) {
            p.put("text", bounded(r.title() + "\n\n" + String.join("\n", r.lines())));
        } else if (content instanceof Outbound.Places places) {
            places(p, places);
        } else if (content instanceof Outbound.AskPhone a) {
            p.put("text", bounded(a.text()));
            ObjectNode button =
                    TelegramApi.JSON.createObjectNode().put("text", a.label()).put("request_contact", true);
            ObjectNode keyboard = TelegramApi.JSON
                    .createObjectNode()
                    .put("one_time_keyboard", true)
                    .put("resize_keyboard", true);
            keyboard.putArray("keyboard").addArray().add(button);
            p.set("reply_markup", keyboard);
        } else {
            throw new IllegalArgumentException(
                    "no rendering for " + content.getClass().getSimpleName());
        }
        return new Call("sendMessage", p);
    }

    private static ObjectNode inline(List<Outbound.Button> buttons) {
        ObjectNode markup = TelegramApi.JSON.createObjectNode();
        ArrayNode rows = markup.putArray("inline_keyboard");
        ArrayNode row = null;
        for (int i = 0; i < buttons.size(); i++) {
            Outbound.Button b = buttons.get(i);
            if (b.reference().getBytes(StandardCharsets.UTF_8).length > CALLBACK_DATA_BYTES_MAX) {
                throw new IllegalArgumentException("a button reference is longer than Telegram's 64 bytes");
            }
            if (i % ROW_MAX == 0) {
                row = rows.addArray();
            }
            row.addObject().put("text", b.label()).put("callback_data", b.reference());
        }
        return markup;
    }

    /**
     * Telegram refuses URL buttons that are not public web addresses ({@code http://localhost} in
     * development): those links are written into the text instead, where the app makes them tappable.
     */
    private static void link(ObjectNode p, Outbound.Link l) {
        if (!buttonUrl(l.url())) {
            p.put("text", bounded(l.text() + "\n" + l.url()));
            return;
        }
        p.put("text", bounded(l.text()));
        ObjectNode markup = TelegramApi.JSON.createObjectNode();
        markup.putArray("inline_keyboard")
                .addArray()
                .addObject()
                .put("text", l.label())
                .put("url", l.url());
        p.set("reply_markup", markup);
    }

    /** The places as a list, each with a button that opens it on a map. */
    private static void places(ObjectNode p, Outbound.Places places) {
        StringBuilder text = new StringBuilder(places.text());
        for (Outbound.Place place : places.places()) {
            text.append("\n\n").append(place.name());
            if (!place.detail().isBlank()) {
                text.append('\n').append(place.detail());
            }
        }
        p.put("text", bounded(text.toString()));
        if (places.places().isEmpty()) {
            return;
        }
        ObjectNode markup = TelegramApi.JSON.createObjectNode();
        ArrayNode rows = markup.putArray("inline_keyboard");
        for (Outbound.Place place : places.places()) {
            rows.addArray()
                    .addObject()
                    .put("text", place.name())
                    .put(
                            "url",
                            String.format(
                                    Locale.ROOT,
                                    "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f#map=17/%.6f/%.6f",
                                    place.lat(),
                                    place.lon(),
                                    place.lat(),
                                    place.lon()));
        }
        p.set("reply_markup", markup);
    }

    static boolean buttonUrl(String url) {
        if (!url.startsWith("https://")) {
            return false;
        }
        String host = java.net.URI.create(url).getHost();
        return host != null && !host.equals("localhost") && !host.startsWith("127.") && host.contains(".");
    }

    private static String bounded(String text) {
        return text.length() > TEXT_LENGTH_MAX ? text.substring(0, TEXT_LENGTH_MAX - 1) + "…" : text;
    }
}
