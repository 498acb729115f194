package org.socialbank.channels.x;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The numbered choices of the last Buttons message sent to each DM chat ({@code V100__x_choices.sql}).
 * X's v2 direct messages carry a text and attachments only, so a message's buttons are written as
 * numbered lines; a DM whose whole text is one of those numbers, within {@code choice-ttl} of the
 * send, is the press of that button ({@code Inbound.Button} with the engine's reference, which the
 * engine checks as any press: bound to the chat, to that version of the payment, single use). One
 * row per chat, replaced by every Buttons message, so a number answers only the latest. A DM that
 * is not a number removes the row: the customer has moved on, and a later "1" (an amount, an answer
 * to the bank's next question) must never press a button shown before it.
 */
class XChoices {

    /** The most digits a choice number has (the engine shows at most 8 buttons). */
    static final int DIGITS_MAX = 3;

    private static final int REFS_CHARS_MAX = 4000;

    /** Spaces of any kind, and the invisible direction and joining marks a phone may put around a number. */
    private static final Pattern AROUND = Pattern.compile("^[\\s\\p{Z}\\u200B-\\u200F\\u061C\\u2066-\\u2069\\uFEFF]+"
            + "|[\\s\\p{Z}\\u200B-\\u200F\\u061C\\u2066-\\u2069\\uFEFF]+$");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;

    XChoices(JdbcClient jdbc, Clock clock, Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * The number a text is, when the whole of it is one (ASCII, Arabic-Indic, Persian or full-width
     * digits; spaces and direction marks around it allowed); empty for any other text.
     */
    static OptionalInt number(String text) {
        String bare = AROUND.matcher(text).replaceAll("");
        if (bare.isEmpty() || bare.length() > DIGITS_MAX) {
            return OptionalInt.empty();
        }
        int value = 0;
        for (int i = 0; i < bare.length(); i++) {
            int digit = digit(bare.charAt(i));
            if (digit < 0) {
                return OptionalInt.empty();
            }
            value = value * 10 + digit;
        }
        return OptionalInt.of(value);
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\u0660' && c <= '\u0669') { // Arabic-Indic
            return c - '\u0660';
        }
        if (c >= '\u06F0' && c <= '\u06F9') { // Persian (extended Arabic-Indic)
            return c - '\u06F0';
        }
        if (c >= '\uFF10' && c <= '\uFF19') { // full-width
            return c - '\uFF10';
        }
        return -1;
    }

    /**
     * What the engine gets for a DM: a choice number of the chat's latest Buttons message, still
     * fresh, becomes the press of that button; any other DM text stays text and ends the choices;
     * anything else (a tweet, a pressed quick reply, a follow) is left as it is.
     */
    InboundMessage read(InboundMessage message) {
        if (message.groupId() != null || !(message.content() instanceof Inbound.Text text)) {
            return message;
        }
        OptionalInt number = number(text.text());
        if (number.isEmpty()) {
            forget(message.externalUserId());
            return message;
        }
        return reference(message.externalUserId(), number.getAsInt())
                .map(reference -> new InboundMessage(
                        message.channel(),
                        message.externalMessageId(),
                        message.externalUserId(),
                        message.handle(),
                        message.phone(),
                        new Inbound.Button(reference),
                        null,
                        message.privateChat()))
                .orElse(message);
    }

    /** The reference of choice {@code number} (from 1) of the chat's latest Buttons message, while fresh. */
    Optional<String> reference(String chatId, int number) {
        Instant freshSince = clock.instant().minus(ttl);
        return jdbc.sql("SELECT choice_refs, sent_at FROM x_choices WHERE chat_id = ?")
                .param(chatId)
                .query((rs, n) -> Timestamps.instant(rs, "sent_at").isBefore(freshSince)
                        ? List.<String>of()
                        : references(rs.getString("choice_refs")))
                .optional()
                .filter(refs -> number >= 1 && number <= refs.size())
                .map(refs -> refs.get(number - 1));
    }

    /**
     * The choices of a Buttons message about to be sent to a chat, in the order shown; they replace
     * the chat's earlier ones.
     */
    void remember(String chatId, UUID outboxId, List<String> references) {
        ArrayNode array = XApi.JSON.createArrayNode();
        references.forEach(array::add);
        String refs = XApi.JSON.writeValueAsString(array);
        if (refs.length() > REFS_CHARS_MAX) {
            throw new IllegalArgumentException("the choices take " + refs.length() + " characters");
        }
        Instant now = clock.instant();
        if (update(chatId, outboxId, refs, now) == 0) {
            try {
                jdbc.sql("INSERT INTO x_choices (chat_id, outbox_id, choice_refs, sent_at) VALUES (?, ?, ?, ?)")
                        .params(chatId, outboxId, refs, Timestamps.utc(now))
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                update(chatId, outboxId, refs, now); // two of the chat's messages at once (a tweet's and a DM's)
            }
        }
    }

    private int update(String chatId, UUID outboxId, String refs, Instant now) {
        return jdbc.sql("UPDATE x_choices SET outbox_id = ?, choice_refs = ?, sent_at = ? WHERE chat_id = ?")
                .params(outboxId, refs, Timestamps.utc(now), chatId)
                .update();
    }

    /** The chat has no choices open any more. */
    void forget(String chatId) {
        jdbc.sql("DELETE FROM x_choices WHERE chat_id = ?").param(chatId).update();
    }

    /** The message's choices were not shown (X refused it): removed, unless a newer message replaced them. */
    void forget(String chatId, UUID outboxId) {
        jdbc.sql("DELETE FROM x_choices WHERE chat_id = ? AND outbox_id = ?")
                .params(chatId, outboxId)
                .update();
    }

    /** Deletes at most {@code max} rows no number can use any more; returns how many. */
    int deleteStale(int max) {
        var before = Timestamps.utc(clock.instant().minus(ttl));
        List<String> chats = jdbc.sql("SELECT chat_id FROM x_choices WHERE sent_at < ? ORDER BY sent_at LIMIT ?")
                .params(before, max)
                .query(String.class)
                .list();
        return chats.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM x_choices WHERE chat_id IN (:chats) AND sent_at < :before")
                        .param("chats", chats)
                        .param("before", before)
                        .update();
    }

    private static List<String> references(String json) {
        List<String> refs = new ArrayList<>();
        try {
            for (JsonNode ref : XApi.JSON.readTree(json)) {
                refs.add(ref.asString());
            }
        } catch (JacksonException e) {
            return List.of(); // not written by remember(): no choices
        }
        return refs;
    }
}
