package org.socialbank.channels.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.shared.PublicText;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

/**
 * The second lock on what the bot says in a chat that more than one person reads (a group, a
 * supergroup, a channel): whatever the engine or another module wrote, what anyone there would
 * read (the text and the buttons' labels; not a button's URL nor its hidden reference) must pass
 * the rule of every public channel ({@link PublicText}: no number of any script, no money) once
 * the {@code @usernames} are set aside, as X's sender does. The engine already answers privately
 * what is private; a text this lock refuses is not sent at all: a neutral sentence that holds no
 * data goes in its place, in the chat's language, and the refusal is logged (never the text) and
 * counted ({@value #COUNTER}). The staff chat of listening's spike alerts is the bank's own and is
 * not locked. Listening's {@code reply:} recipients keep their own lock in {@link TelegramReplies}.
 */
final class GroupLock {

    private static final Logger log = LoggerFactory.getLogger(GroupLock.class);

    /** Texts refused in a public chat and replaced, tagged by network. */
    static final String COUNTER = "socialbank.channels.group.withheld";

    /** What the chat reads instead: no data, and no claim that anything was sent elsewhere. */
    static final String WITHHELD = "telegram.group.withheld";

    private static final String WITHHELD_EN = "I can’t show that here. Write to me in a private chat.";

    /**
     * A Telegram or Bale {@code @username}: a name (it may hold digits), not an amount. Not after a
     * letter or digit, so that an e-mail address is not set aside.
     */
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@[A-Za-z][A-Za-z0-9_]{0,63}");

    private final Network network;
    private final Set<String> staffChats;
    private final MessageSource messages;
    private final Function<IdentityId, Optional<Language>> languages;
    private final Counter withheld;

    /**
     * @param staffChats chats of this network that only the bank's staff read (listening's staff chat)
     * @param languages the language a chat account chose, or its customer's; empty when none
     */
    GroupLock(
            Network network,
            Set<String> staffChats,
            MessageSource messages,
            Function<IdentityId, Optional<Language>> languages,
            MeterRegistry meters) {
        this.network = network;
        this.staffChats = Set.copyOf(staffChats);
        this.messages = messages;
        this.languages = languages;
        this.withheld = Counter.builder(COUNTER)
                .description("Texts for a group or channel chat that failed the public rule and were replaced")
                .tag("network", network.wireName())
                .register(meters);
    }

    /**
     * The call to make: the one given, unless the chat is public and the call shows what may not be
     * posted there; then the neutral sentence, alone. Never throws.
     *
     * @param chatType the chat's type as its latest update said it, null when unknown
     */
    TelegramReplies.Call guard(OutboundMessage message, String chatId, String chatType, TelegramReplies.Call call) {
        if (!publicChat(chatId, chatType) || mayBePosted(call.parameters())) {
            return call;
        }
        withheld.increment();
        // never the text: it may hold what the rule is there to keep out of the group
        log.warn(
                "{}: a {} for public chat {} failed the public rule (outbox {}); a neutral text went instead",
                network.wireName(),
                message.content().getClass().getSimpleName(),
                chatId,
                message.id());
        String neutral = messages.getMessage(
                WITHHELD,
                null,
                WITHHELD_EN,
                language(message.identityId(), call).locale());
        return TelegramReplies.render(new Outbound.Text(neutral), chatId);
    }

    /**
     * Whether more than one person may read the chat: its recorded type is not {@code private}, or
     * its id is negative (how the Bot API numbers groups and channels), whichever says so; the
     * staff chat excepted. A chat whose type was never recorded and whose id is positive is a person's.
     */
    boolean publicChat(String chatId, String chatType) {
        if (staffChats.contains(chatId)) {
            return false;
        }
        return chatId.startsWith("-") || chatType != null && !chatType.equals("private");
    }

    /** What anyone in the chat reads of the call (its text, its buttons' labels) passes the public rule. */
    static boolean mayBePosted(tools.jackson.databind.node.ObjectNode parameters) {
        StringBuilder shown = new StringBuilder(parameters.path("text").asString(""));
        JsonNode markup = parameters.path("reply_markup");
        for (String keyboard : new String[] {"inline_keyboard", "keyboard"}) {
            for (JsonNode row : markup.path(keyboard)) {
                for (JsonNode button : row) {
                    shown.append('\n').append(button.path("text").asString(""));
                }
            }
        }
        return PublicText.mayBePosted(MENTION.matcher(shown).replaceAll(" "));
    }

    /** The chat account's language, else the one the refused text is written in, else English. */
    private Language language(IdentityId identity, TelegramReplies.Call call) {
        try {
            Optional<Language> chosen = languages.apply(identity);
            if (chosen.isPresent()) {
                return chosen.get();
            }
        } catch (RuntimeException e) {
            log.debug(
                    "{}: no language for {} ({})",
                    network.wireName(),
                    identity,
                    e.getClass().getSimpleName());
        }
        return writtenIn(call.parameters().path("text").asString(""));
    }

    /**
     * The language a text of the engine is written in, by its letters: Persian, Russian and Chinese
     * by their scripts, French by its accented letters, else English. Only for the neutral sentence.
     */
    static Language writtenIn(String text) {
        int[] counts = new int[Language.values().length];
        text.codePoints().forEach(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.ARABIC) {
                counts[Language.FA.ordinal()]++;
            } else if (script == Character.UnicodeScript.CYRILLIC) {
                counts[Language.RU.ordinal()]++;
            } else if (script == Character.UnicodeScript.HAN) {
                counts[Language.ZH.ordinal()]++;
            } else if ("éèêëàâçîïôûùœÉÈÊÀÇ".indexOf(c) >= 0) {
                counts[Language.FR.ordinal()]++;
            }
        });
        Language most = Language.EN;
        for (Language language : Language.values()) {
            if (counts[language.ordinal()] > counts[most.ordinal()]) {
                most = language;
            }
        }
        return most;
    }
}
