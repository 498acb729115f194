package org.socialbank.channels.telegram;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.socialbank.channels.GroupPostReceived;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.shared.Network;
import tools.jackson.databind.JsonNode;

/**
 * Reads one Bot API {@code Update} into the engine's {@link InboundMessage}, or into nothing for
 * what the bank does not answer: edited messages, channel posts, other bots, group chatter that
 * neither mentions the bot nor uses one of its commands, stickers and photos. Plain Java.
 */
final class TelegramUpdates {

    private TelegramUpdates() {}

    /**
     * One update as read.
     *
     * @param kind the update's field ({@code message}, {@code callback_query}, ...), for the dedup row
     * @param chatId the chat the replies go to (the user's id in a private chat, the group's in a group)
     * @param chatType that chat's type as the update says it ({@code private}, {@code group},
     *     {@code supergroup}, {@code channel}), null when it does not say
     * @param callbackQueryId to answer with {@code answerCallbackQuery}, else null
     */
    record Update(
            long updateId,
            String kind,
            Optional<InboundMessage> message,
            String chatId,
            String chatType,
            String callbackQueryId) {}

    /** The update's id, or empty when the JSON is not an update at all. */
    static Optional<Long> updateId(JsonNode update) {
        JsonNode id = update.path("update_id");
        return update.isObject() && id.isIntegralNumber() && id.canConvertToLong()
                ? Optional.of(id.asLong())
                : Optional.empty();
    }

    /**
     * @param username the bot's lower-case username, asked only for group texts
     */
    static Update read(JsonNode update, Network network, String bot, Supplier<Optional<String>> username) {
        long updateId = updateId(update).orElseThrow(() -> new IllegalArgumentException("not an update"));
        String messageId = bot + ":" + updateId;
        if (update.has("message")) {
            JsonNode m = update.path("message");
            Optional<InboundMessage> in = message(m, network, messageId, username);
            return new Update(updateId, "message", in, id(m.path("chat").path("id")), chatType(m.path("chat")), null);
        }
        if (update.has("callback_query")) {
            JsonNode q = update.path("callback_query");
            Optional<InboundMessage> in = callback(q, network, messageId);
            String chat =
                    in.map(i -> i.inGroup() ? i.groupId() : i.externalUserId()).orElse(null);
            JsonNode shownIn = q.path("message").path("chat");
            // the type of the chat the pressed button was shown in, when that is the chat answered
            String type = chat != null && chat.equals(id(shownIn.path("id"))) ? chatType(shownIn) : null;
            return new Update(
                    updateId,
                    "callback_query",
                    in,
                    chat,
                    type,
                    q.path("id").isString() ? q.path("id").asString() : null);
        }
        if (update.has("my_chat_member")) {
            JsonNode c = update.path("my_chat_member");
            Optional<InboundMessage> in = chatMember(c, network, messageId);
            return new Update(
                    updateId, "my_chat_member", in, id(c.path("chat").path("id")), chatType(c.path("chat")), null);
        }
        String kind = update.propertyNames().stream()
                .filter(n -> !n.equals("update_id"))
                .findFirst()
                .orElse("unknown");
        return new Update(
                updateId, kind.length() > 32 ? kind.substring(0, 32) : kind, Optional.empty(), null, null, null);
    }

    /** The longest chat type recorded ({@code supergroup} is the longest the Bot API names). */
    static final int CHAT_TYPE_LENGTH_MAX = 16;

    /**
     * A chat's {@code type} as the platform wrote it, or null when it wrote none or something that
     * is not a type's shape; any type but {@code private} is read as public by the sender.
     */
    static String chatType(JsonNode chat) {
        String type = chat.path("type").asString("");
        return type.matches("[a-z_]{1," + CHAT_TYPE_LENGTH_MAX + "}") ? type : null;
    }

    private static Optional<InboundMessage> message(
            JsonNode m, Network network, String messageId, Supplier<Optional<String>> username) {
        JsonNode from = m.path("from");
        String userId = id(from.path("id"));
        String chatId = id(m.path("chat").path("id"));
        String chatType = m.path("chat").path("type").asString("");
        if (userId == null || chatId == null || from.path("is_bot").asBoolean(false) || chatType.equals("channel")) {
            return Optional.empty();
        }
        boolean group = !chatType.equals("private");
        Optional<Inbound> content = Optional.empty();
        if (m.path("text").isString()) {
            content = group
                    ? groupText(m.path("text").asString(), username)
                    : text(m.path("text").asString(), null);
        } else if (!group && m.path("contact").isObject()) {
            content = contact(m.path("contact"), userId);
        } else if (!group && m.path("location").isObject()) {
            JsonNode l = m.path("location");
            content = l.path("latitude").isNumber() && l.path("longitude").isNumber()
                    ? Optional.of(new Inbound.Location(
                            l.path("latitude").asDouble(), l.path("longitude").asDouble()))
                    : Optional.empty();
        }
        String phone = content.filter(c -> c instanceof Inbound.Contact contact && contact.own())
                .map(c -> ((Inbound.Contact) c).phone())
                .filter(p -> p.length() <= 16)
                .orElse(null);
        return content.map(
                c -> new InboundMessage(network, messageId, userId, handle(from), phone, c, group ? chatId : null));
    }

    /**
     * A person's text in a group, for social listening: every group or supergroup text of a user
     * (not a bot, not a channel post, not an edit), whether or not it addresses the bot.
     */
    static Optional<GroupPostReceived> groupPost(
            JsonNode update, Network network, Supplier<Optional<String>> username) {
        JsonNode m = update.path("message");
        String type = m.path("chat").path("type").asString("");
        String chatId = id(m.path("chat").path("id"));
        String userId = id(m.path("from").path("id"));
        String messageId = id(m.path("message_id"));
        if (!(type.equals("group") || type.equals("supergroup"))
                || chatId == null
                || userId == null
                || messageId == null
                || m.path("from").path("is_bot").asBoolean(false)
                || !m.path("text").isString()
                || m.path("text").asString().isBlank()) {
            return Optional.empty();
        }
        String text = m.path("text").asString();
        boolean mentionsBot = username.get().map(name -> mentions(text, name)).orElse(false);
        java.time.Instant at = m.path("date").isIntegralNumber()
                ? java.time.Instant.ofEpochSecond(m.path("date").asLong())
                : null;
        return Optional.of(new GroupPostReceived(
                network,
                chatId,
                messageId,
                userId,
                handle(m.path("from")),
                text.length() > GROUP_TEXT_MAX ? text.substring(0, GROUP_TEXT_MAX) : text,
                mentionsBot,
                at));
    }

    /** The longest group text handed to listening (its own limit on a mention). */
    static final int GROUP_TEXT_MAX = 4000;

    /** The bot's name as a whole word: "@bankbot_fans" does not mention "@bankbot". */
    private static boolean mentions(String text, String name) {
        return java.util.regex.Pattern.compile(
                        "(?<![A-Za-z0-9_])@" + java.util.regex.Pattern.quote(name) + "(?![A-Za-z0-9_])",
                        java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(text)
                .find();
    }

    /** In a group the bot reads only its commands and texts that mention it. */
    private static Optional<Inbound> groupText(String text, Supplier<Optional<String>> username) {
        String trimmed = text.strip();
        if (trimmed.startsWith("/")) {
            return text(trimmed, username.get().orElse(null));
        }
        Optional<String> name = username.get();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        // the bot's name as a whole word: "@bankbot_fans" does not mention "@bankbot"
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(?<![A-Za-z0-9_])@" + java.util.regex.Pattern.quote(name.get()) + "(?![A-Za-z0-9_])",
                        java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(trimmed);
        if (!m.find()) {
            return Optional.empty();
        }
        String rest = (trimmed.substring(0, m.start()) + " " + trimmed.substring(m.end())).strip();
        return Optional.of(new Inbound.Text(rest.isEmpty() ? "help" : bounded(rest)));
    }

    /**
     * A text or a command: {@code /start} and {@code /stop} are the engine's, any other command is
     * read as words ({@code /pay @bob 5} is "pay @bob 5"). A command addressed to another bot
     * ({@code /help@otherbot}) is not ours.
     */
    static Optional<Inbound> text(String text, String username) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (!trimmed.startsWith("/")) {
            return Optional.of(new Inbound.Text(bounded(trimmed)));
        }
        int space = indexOfSpace(trimmed);
        String command = trimmed.substring(1, space < 0 ? trimmed.length() : space);
        String args = space < 0 ? "" : trimmed.substring(space).strip();
        int at = command.indexOf('@');
        if (at >= 0) {
            if (username != null && !command.substring(at + 1).equalsIgnoreCase(username)) {
                return Optional.empty();
            }
            command = command.substring(0, at);
        }
        command = command.toLowerCase(Locale.ROOT);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        if (command.equals("start")) {
            return Optional.of(new Inbound.Start());
        }
        if (command.equals("stop")) {
            return Optional.of(new Inbound.Stop());
        }
        return Optional.of(new Inbound.Text(bounded((command + " " + args).strip())));
    }

    private static Optional<Inbound> contact(JsonNode contact, String userId) {
        String digits = contact.path("phone_number").asString("").replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.length() > 20) {
            return Optional.empty();
        }
        boolean own = userId.equals(id(contact.path("user_id")));
        return Optional.of(new Inbound.Contact("+" + digits, own));
    }

    private static Optional<InboundMessage> callback(JsonNode q, Network network, String messageId) {
        String userId = id(q.path("from").path("id"));
        String data = q.path("data").asString("");
        if (userId == null
                || data.isEmpty()
                || data.length() > Inbound.REFERENCE_LENGTH_MAX
                || data.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        JsonNode chat = q.path("message").path("chat");
        String chatId = id(chat.path("id"));
        boolean group = chatId != null && !chat.path("type").asString("private").equals("private");
        return Optional.of(new InboundMessage(
                network,
                messageId,
                userId,
                handle(q.path("from")),
                null,
                new Inbound.Button(data),
                group ? chatId : null));
    }

    /** The user blocked the bot in a private chat; being added to or removed from groups is not answered. */
    private static Optional<InboundMessage> chatMember(JsonNode c, Network network, String messageId) {
        String userId = id(c.path("from").path("id"));
        boolean privateChat = c.path("chat").path("type").asString("").equals("private");
        boolean kicked = c.path("new_chat_member").path("status").asString("").equals("kicked");
        if (userId == null || !privateChat || !kicked) {
            return Optional.empty();
        }
        return Optional.of(
                new InboundMessage(network, messageId, userId, handle(c.path("from")), null, new Inbound.Blocked()));
    }

    private static String id(JsonNode id) {
        return id.isIntegralNumber() && id.canConvertToLong() ? Long.toString(id.asLong()) : null;
    }

    private static String handle(JsonNode from) {
        String username = from.path("username").asString(null);
        return username == null || username.length() > 64 || !username.matches("[A-Za-z0-9_]+") ? null : username;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String bounded(String text) {
        return text.length() > Inbound.TEXT_LENGTH_MAX ? text.substring(0, Inbound.TEXT_LENGTH_MAX) : text;
    }
}
