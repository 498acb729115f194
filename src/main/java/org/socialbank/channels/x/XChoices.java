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
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The numbered choices still open in each DM chat ({@code V106__x_choice_sets.sql}). X's v2 direct
 * messages carry a text and attachments only, so a message's buttons are written as numbered lines;
 * a DM whose whole text is one of the open numbers is the press of that button ({@code
 * Inbound.Button} with the engine's reference and the number typed, which the engine checks as any
 * press: bound to the chat, to that version of the payment, single use).
 *
 * <p>Review 2026-12-07 channels follow-up: a number never presses a button she was not looking at.
 * Every Buttons message, a push too (a money request, "This wasn't me"), gets numbers after the
 * highest one still open in the chat, so a "1" typed for the confirmation she is reading is never
 * the "1" of a request that arrived meanwhile; they start again at 1 only when no set is open. A set
 * stays open until {@code choice-ttl} after its send, a press of one of its numbers, or being
 * cleared: by her text (a number of none of the open sets too), and by the bank's reply to her
 * that is no Buttons message (its next question: a number then answers that, never a button shown
 * before it). At most {@link #SETS_MAX} sets and {@link #OPEN_NUMBERS_MAX} numbers per chat, the
 * oldest dropped first.
 */
class XChoices {

    /** The most digits a choice number has. */
    static final int DIGITS_MAX = 3;

    /** The highest number shown: a set that would pass it ends every open set and starts again at 1. */
    static final int NUMBER_MAX = 999;

    /** Open sets per chat at most; a new one drops the oldest. */
    static final int SETS_MAX = 10;

    /** Open numbers per chat at most; a new set drops the oldest sets until its own fit. */
    static final int OPEN_NUMBERS_MAX = 50;

    private static final int REFS_CHARS_MAX = 4000;

    /** Two sets computed at once for one chat: tries before the send fails (the relay tries again). */
    private static final int TRIES_MAX = 3;

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

    /** One Buttons message's choices, open in its chat: numbers {@code first} to {@code last()}. */
    record ChoiceSet(UUID outboxId, int first, List<String> references) {
        ChoiceSet {
            references = List.copyOf(references);
        }

        int last() {
            return first + references.size() - 1;
        }

        boolean holds(int number) {
            return number >= first && number <= last();
        }
    }

    /**
     * What an event was read as, and what it needs to know once the engine took it.
     *
     * @param chatId the DM chat of the sender (on X, her user id)
     * @param shown the sets open when it was read
     * @param pressed the set whose number it pressed, else null
     * @param endsShown a DM text (a number of none of the sets too): the sets shown before it end
     */
    record Reading(InboundMessage message, String chatId, List<UUID> shown, UUID pressed, boolean endsShown) {
        Reading {
            shown = List.copyOf(shown);
        }
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
     * What the engine gets for an event: a DM that is a number of one of the chat's open sets
     * becomes the press of that button; any other DM text stays text and, once the engine took it,
     * ends the sets shown before it (a number of none of them too: an amount, the answer to the
     * bank's next question). Anything else (a tweet, a pressed quick reply, a follow) is left as it
     * is; the sets it finds open end only if the bank answers it with other than buttons.
     */
    Reading read(InboundMessage message) {
        List<ChoiceSet> open = open(message.externalUserId());
        List<UUID> shown = open.stream().map(ChoiceSet::outboxId).toList();
        if (message.groupId() != null || !(message.content() instanceof Inbound.Text text)) {
            return new Reading(message, message.externalUserId(), shown, null, false);
        }
        OptionalInt number = number(text.text());
        Optional<ChoiceSet> pressed = number.isEmpty()
                ? Optional.empty()
                : open.stream().filter(set -> set.holds(number.getAsInt())).findFirst();
        if (pressed.isEmpty()) {
            return new Reading(message, message.externalUserId(), shown, null, true);
        }
        String reference =
                pressed.get().references().get(number.getAsInt() - pressed.get().first());
        InboundMessage press = new InboundMessage(
                message.channel(),
                message.externalMessageId(),
                message.externalUserId(),
                message.handle(),
                message.phone(),
                new Inbound.Button(reference, text.text()),
                null,
                message.privateChat());
        return new Reading(press, message.externalUserId(), shown, pressed.get().outboxId(), false);
    }

    /**
     * After the engine took what {@link #read} gave it: the pressed set ends; a DM text ends every
     * set shown before it, and so does a reply of the bank's to it that reaches the chat as other
     * than buttons (a push is no reply: it is not among {@code replies}). Sets sent since the read
     * stay. A duplicate has no replies; its press or text ends the sets again, which is harmless.
     *
     * @param replies what the engine wrote in answer (its {@code Received.Handled} replies)
     */
    void settle(Reading reading, List<OutboundMessage> replies) {
        List<UUID> ended = new ArrayList<>();
        if (reading.pressed() != null) {
            ended.add(reading.pressed());
        }
        if (reading.endsShown() || replies.stream().anyMatch(reply -> answersInChat(reply, reading.chatId()))) {
            ended.addAll(reading.shown());
        }
        forget(reading.chatId(), ended);
    }

    /**
     * Whether a reply reaches the chat as a DM that is no Buttons message: one addressed to the
     * chat, or one addressed to a tweet that may not be public (only a text may; the sender sends
     * anything else to the author by DM).
     */
    private static boolean answersInChat(OutboundMessage reply, String chatId) {
        if (reply.content() instanceof Outbound.Buttons) {
            return false;
        }
        return reply.recipient().equals(chatId)
                || (reply.recipient().startsWith(XSender.TWEET_PREFIX) && !(reply.content() instanceof Outbound.Text));
    }

    /** The reference of choice {@code number} among the chat's open sets. */
    Optional<String> reference(String chatId, int number) {
        return open(chatId).stream()
                .filter(set -> set.holds(number))
                .findFirst()
                .map(set -> set.references().get(number - set.first()));
    }

    /** The chat's open sets (sent within {@code choice-ttl}), oldest first. */
    List<ChoiceSet> open(String chatId) {
        return jdbc
                .sql("SELECT outbox_id, first_number, choice_refs FROM x_choice_sets"
                        + " WHERE chat_id = ? AND sent_at >= ? ORDER BY sent_at, first_number LIMIT ?")
                .params(chatId, Timestamps.utc(clock.instant().minus(ttl)), SETS_MAX * 2)
                .query((rs, n) -> new ChoiceSet(
                        rs.getObject("outbox_id", UUID.class),
                        rs.getInt("first_number"),
                        references(rs.getString("choice_refs"))))
                .list()
                .stream()
                .filter(set -> !set.references().isEmpty())
                .toList();
    }

    /**
     * The choices of a Buttons message about to be sent to a chat, in the order shown: they get the
     * numbers after the highest one open in the chat (from 1 when none is), the oldest sets making
     * room when the chat's bounds would be passed. Returns the first number, for the message to show.
     */
    int remember(String chatId, UUID outboxId, List<String> references) {
        ArrayNode array = XApi.JSON.createArrayNode();
        references.forEach(array::add);
        String refs = XApi.JSON.writeValueAsString(array);
        if (references.isEmpty() || refs.length() > REFS_CHARS_MAX) {
            throw new IllegalArgumentException("the choices take " + refs.length() + " characters");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return insert(chatId, outboxId, references.size(), refs);
            } catch (DuplicateKeyException raced) {
                if (attempt >= TRIES_MAX) {
                    throw raced; // another of the chat's messages took the same numbers each time
                }
            }
        }
    }

    private int insert(String chatId, UUID outboxId, int size, String refs) {
        Instant now = clock.instant();
        // a send tried again shows its choices anew; a stale set would keep its numbers taken
        jdbc.sql("DELETE FROM x_choice_sets WHERE outbox_id = ? OR (chat_id = ? AND sent_at < ?)")
                .params(outboxId, chatId, Timestamps.utc(now.minus(ttl)))
                .update();
        List<ChoiceSet> open = new ArrayList<>(open(chatId));
        int first = 1 + open.stream().mapToInt(ChoiceSet::last).max().orElse(0);
        if (first + size - 1 > NUMBER_MAX) {
            first = 1; // never a number of more digits than a choice has: the open sets end
            forget(chatId, open.stream().map(ChoiceSet::outboxId).toList());
            open.clear();
        }
        List<UUID> dropped = new ArrayList<>();
        int numbers = open.stream().mapToInt(set -> set.references().size()).sum();
        while (!open.isEmpty() && (open.size() + 1 > SETS_MAX || numbers + size > OPEN_NUMBERS_MAX)) {
            ChoiceSet oldest = open.remove(0);
            dropped.add(oldest.outboxId());
            numbers -= oldest.references().size();
        }
        forget(chatId, dropped);
        jdbc.sql("INSERT INTO x_choice_sets (outbox_id, chat_id, first_number, last_number, choice_refs, sent_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(outboxId, chatId, first, first + size - 1, refs, Timestamps.utc(now))
                .update();
        return first;
    }

    /** These sets of the chat are no longer open. */
    void forget(String chatId, List<UUID> outboxIds) {
        if (!outboxIds.isEmpty()) {
            jdbc.sql("DELETE FROM x_choice_sets WHERE chat_id = :chat AND outbox_id IN (:ids)")
                    .param("chat", chatId)
                    .param("ids", outboxIds)
                    .update();
        }
    }

    /** The message's choices were not shown (X refused it): its own set is removed, never another. */
    void forget(String chatId, UUID outboxId) {
        forget(chatId, List.of(outboxId));
    }

    /** Deletes at most {@code max} sets no number can use any more; returns how many. */
    int deleteStale(int max) {
        var before = Timestamps.utc(clock.instant().minus(ttl));
        List<UUID> sets = jdbc.sql("SELECT outbox_id FROM x_choice_sets WHERE sent_at < ? ORDER BY sent_at LIMIT ?")
                .params(before, max)
                .query(UUID.class)
                .list();
        return sets.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM x_choice_sets WHERE outbox_id IN (:sets) AND sent_at < :before")
                        .param("sets", sets)
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
