package org.socialbank.channels.x;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.socialbank.channels.PublicMentionReceived;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.shared.Network;
import tools.jackson.databind.JsonNode;

/**
 * Reads one Account Activity payload into the engine's messages: a public tweet that mentions the
 * bank (a "group" message whose group is the tweet, {@code tweet:<id>}, so the public answer is a
 * reply to it), a direct message (private; a quick-reply option pressed is a button), a follow
 * ({@code Start}), an unfollow ({@code Stop}), a block of the bank and revoked app access ({@code Blocked}). Ignored:
 * the bank's own tweets and messages, retweets, quotes, tweets that do not mention the bank, and
 * anything from a blocked account. Plain Java.
 */
final class XUpdates {

    /** Events read from one payload at most; X batches a few, never hundreds. */
    static final int EVENTS_MAX = 100;

    private static final Pattern ID = Pattern.compile("[0-9]{1,19}");
    /** A public tweet's whole text, at most (X's limit for long posts is 25,000; we keep 4,000). */
    static final int PUBLIC_TEXT_MAX = 4000;

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    /**
     * Who the bank is, and whom it ignores.
     *
     * @param userId the bank account's id
     * @param screenName its handle without '@'
     */
    record Account(String userId, String screenName, Set<String> blocked) {

        Pattern mention() {
            return Pattern.compile("(?i)(?<![A-Za-z0-9_])@" + Pattern.quote(screenName) + "(?![A-Za-z0-9_])");
        }
    }

    /**
     * One event as read.
     *
     * @param eventId the key of its dedupe row, and the engine's message id
     * @param kind what it was ({@code tweet}, {@code dm}, {@code follow}, ...), for the dedupe row
     * @param message what the engine gets; empty when the bank does not answer it
     */
    record Event(String eventId, String kind, Optional<InboundMessage> message) {}

    private XUpdates() {}

    /** The payload's events, in order; an empty list when it is for another account. */
    static List<Event> read(JsonNode payload, Account bank) {
        List<Event> events = new ArrayList<>();
        String forUser = payload.path("for_user_id").asString("");
        if (!forUser.isEmpty() && !forUser.equals(bank.userId())) {
            return events;
        }
        for (JsonNode tweet : bounded(payload.path("tweet_create_events"))) {
            add(events, tweet(tweet, bank));
        }
        for (JsonNode dm : bounded(payload.path("direct_message_events"))) {
            add(events, directMessage(dm, payload.path("users"), bank));
        }
        for (JsonNode follow : bounded(payload.path("follow_events"))) {
            add(events, follow(follow, bank));
        }
        for (JsonNode block : bounded(payload.path("block_events"))) {
            add(events, block(block, bank));
        }
        JsonNode revoke = payload.path("user_event").path("revoke");
        if (revoke.isObject()) {
            add(events, revoke(revoke, bank));
        }
        return events.size() > EVENTS_MAX ? events.subList(0, EVENTS_MAX) : events;
    }

    /**
     * The payload's public tweets that mention the bank, whole, for social listening: the same
     * ones {@link #tweet} hands to the engine (no retweets, quotes, own or blocked accounts).
     */
    static List<PublicMentionReceived> publicMentions(JsonNode payload, Account bank) {
        List<PublicMentionReceived> mentions = new ArrayList<>();
        String forUser = payload.path("for_user_id").asString("");
        if (!forUser.isEmpty() && !forUser.equals(bank.userId())) {
            return mentions;
        }
        for (JsonNode tweet : bounded(payload.path("tweet_create_events"))) {
            Optional<Event> read = tweet(tweet, bank);
            if (read.isPresent() && read.get().message().isPresent()) {
                mentions.add(new PublicMentionReceived(
                        Network.X,
                        id(tweet.path("id_str")),
                        id(tweet.path("user").path("id_str")),
                        handle(tweet.path("user")),
                        bounded(unescape(fullText(tweet)), PUBLIC_TEXT_MAX),
                        createdAt(tweet.path("created_at")),
                        followers(tweet.path("user"))));
            }
        }
        return mentions;
    }

    /** X's v1.1 time, "Wed Oct 10 20:19:24 +0000 2018"; null when absent or not in that shape. */
    private static Instant createdAt(JsonNode node) {
        try {
            return node.isString()
                    ? ZonedDateTime.parse(node.asString(), CREATED_AT).toInstant()
                    : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void add(List<Event> events, Optional<Event> event) {
        event.ifPresent(events::add);
    }

    private static Iterable<JsonNode> bounded(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode item : array) {
                if (items.size() == EVENTS_MAX) {
                    break;
                }
                items.add(item);
            }
        }
        return items;
    }

    static Optional<Event> tweet(JsonNode tweet, Account bank) {
        String id = id(tweet.path("id_str"));
        String author = id(tweet.path("user").path("id_str"));
        if (id == null || author == null) {
            return Optional.empty();
        }
        String eventId = "tweet:" + id;
        boolean ignored = author.equals(bank.userId())
                || bank.blocked().contains(author)
                || tweet.has("retweeted_status")
                || tweet.path("is_quote_status").asBoolean(false)
                || tweet.has("quoted_status");
        String text = unescape(fullText(tweet));
        if (ignored || !mentionsBank(tweet, text, bank)) {
            return Optional.of(new Event(eventId, "tweet", Optional.empty()));
        }
        String command = bank.mention().matcher(text).replaceAll(" ").strip().replaceAll("\\s+", " ");
        Inbound content = new Inbound.Text(command.isEmpty() ? "help" : bounded(command));
        return Optional.of(message(
                eventId,
                "tweet",
                () -> new InboundMessage(
                        Network.X, eventId, author, handle(tweet.path("user")), null, content, "tweet:" + id)));
    }

    private static String fullText(JsonNode tweet) {
        JsonNode extended = tweet.path("extended_tweet").path("full_text");
        return extended.isString() ? extended.asString() : tweet.path("text").asString("");
    }

    private static boolean mentionsBank(JsonNode tweet, String text, Account bank) {
        JsonNode entities = tweet.path("extended_tweet").has("entities")
                ? tweet.path("extended_tweet").path("entities")
                : tweet.path("entities");
        for (JsonNode mention : entities.path("user_mentions")) {
            if (bank.userId().equals(mention.path("id_str").asString(""))) {
                return true;
            }
        }
        return bank.mention().matcher(text).find();
    }

    static Optional<Event> directMessage(JsonNode dm, JsonNode users, Account bank) {
        String id = id(dm.path("id"));
        JsonNode create = dm.path("message_create");
        String sender = id(create.path("sender_id"));
        if (id == null || sender == null || !dm.path("type").asString("").equals("message_create")) {
            return Optional.empty();
        }
        String eventId = "dm:" + id;
        // X reports the bank's own messages too; and a message between two other accounts is not ours
        boolean toBank =
                bank.userId().equals(create.path("target").path("recipient_id").asString(""));
        if (sender.equals(bank.userId()) || !toBank || bank.blocked().contains(sender)) {
            return Optional.of(new Event(eventId, "dm", Optional.empty()));
        }
        JsonNode data = create.path("message_data");
        String metadata = data.path("quick_reply_response").path("metadata").asString("");
        Inbound content;
        if (!metadata.isEmpty()) {
            if (metadata.length() > Inbound.REFERENCE_LENGTH_MAX) { // not one of ours: ignore it, not the batch
                return Optional.of(new Event(eventId, "dm", Optional.empty()));
            }
            content = new Inbound.Button(metadata);
        } else {
            String text = bank.mention()
                    .matcher(unescape(data.path("text").asString("")))
                    .replaceAll(" ")
                    .strip();
            if (text.isEmpty()) {
                return Optional.of(new Event(eventId, "dm", Optional.empty())); // a picture alone, a sticker
            }
            content = new Inbound.Text(bounded(text));
        }
        String handle = handle(users.path(sender));
        return Optional.of(
                message(eventId, "dm", () -> new InboundMessage(Network.X, eventId, sender, handle, null, content)));
    }

    /** Someone followed or unfollowed the bank; the bank's own follows are not answered. */
    static Optional<Event> follow(JsonNode follow, Account bank) {
        Optional<Edge> edge = edge(follow, "follow", "unfollow");
        if (edge.isEmpty()) {
            return Optional.empty();
        }
        Edge e = edge.get();
        if (!e.target().equals(bank.userId()) || bank.blocked().contains(e.source())) {
            return Optional.of(new Event(e.key(), e.type(), Optional.empty()));
        }
        Inbound content = e.type().equals("follow") ? new Inbound.Start() : new Inbound.Stop();
        String handle = handle(follow.path("source"));
        return Optional.of(message(
                e.key(), e.type(), () -> new InboundMessage(Network.X, e.key(), e.source(), handle, null, content)));
    }

    /** A follow or block event: its type, who did it to whom, and its dedupe key. */
    private record Edge(String type, String source, String target, String key) {}

    /** The event as an edge of one of the two types; empty when malformed or of another type. */
    private static Optional<Edge> edge(JsonNode event, String on, String off) {
        String type = event.path("type").asString("");
        String source = id(event.path("source").path("id"));
        String target = id(event.path("target").path("id"));
        if (source == null || target == null || !(type.equals(on) || type.equals(off))) {
            return Optional.empty();
        }
        String key = bounded(
                type + ":" + source + ":" + target + ":"
                        + event.path("created_timestamp").asString("0"),
                128);
        return Optional.of(new Edge(type, source, target, key));
    }

    /**
     * Someone blocked the bank (issue 17, 2.5): the bank can no longer write to her, and marketing
     * stops ({@code Blocked}). An unblock, or a block by the bank itself, is recorded and not
     * answered: an unblock is no consent.
     */
    static Optional<Event> block(JsonNode block, Account bank) {
        Optional<Edge> edge = edge(block, "block", "unblock");
        if (edge.isEmpty()) {
            return Optional.empty();
        }
        Edge e = edge.get();
        if (!e.type().equals("block")
                || !e.target().equals(bank.userId())
                || e.source().equals(bank.userId())) {
            return Optional.of(new Event(e.key(), e.type(), Optional.empty()));
        }
        return Optional.of(message(
                e.key(),
                e.type(),
                () -> new InboundMessage(
                        Network.X, e.key(), e.source(), handle(block.path("source")), null, new Inbound.Blocked())));
    }

    /** The account revoked the bank app's access: the bank can no longer write to it. */
    static Optional<Event> revoke(JsonNode revoke, Account bank) {
        String user = id(revoke.path("source").path("user_id"));
        if (user == null) {
            return Optional.empty();
        }
        String key = bounded("revoke:" + user + ":" + revoke.path("date_time").asString(""), 128);
        return Optional.of(message(
                key, "revoke", () -> new InboundMessage(Network.X, key, user, null, null, new Inbound.Blocked())));
    }

    /** A field outside what the engine accepts (a control character in an id) leaves the event unanswered. */
    private static Event message(String eventId, String kind, java.util.function.Supplier<InboundMessage> build) {
        try {
            return new Event(eventId, kind, Optional.of(build.get()));
        } catch (IllegalArgumentException e) {
            return new Event(eventId, "invalid", Optional.empty());
        }
    }

    /** Ids are decimal strings in the payload; a number is accepted too. */
    private static String id(JsonNode node) {
        String text = node.isIntegralNumber() ? node.asString() : node.isString() ? node.asString() : null;
        return text != null && ID.matcher(text).matches() ? text : null;
    }

    /** The v1.1 user's {@code followers_count}, when it is a count. */
    private static Long followers(JsonNode user) {
        JsonNode count = user.path("followers_count");
        return count.isIntegralNumber() && count.canConvertToLong() && count.asLong() >= 0 ? count.asLong() : null;
    }

    private static String handle(JsonNode user) {
        String name = user.path("screen_name").asString(null);
        return name != null && name.matches("[A-Za-z0-9_]{1,15}") ? name.toLowerCase(Locale.ROOT) : null;
    }

    /** The v1.1 payloads escape these three in texts. */
    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String bounded(String text) {
        return bounded(text, Inbound.TEXT_LENGTH_MAX);
    }

    private static String bounded(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
