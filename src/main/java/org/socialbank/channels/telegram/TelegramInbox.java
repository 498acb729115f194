package org.socialbank.channels.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.shared.Faults;
import org.socialbank.shared.Network;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Takes the updates of every bot, from its webhook or from long polling: each update is handled
 * once per bot (its {@code update_id} is recorded with the engine's transaction for a private
 * chat's message, else after the engine answered; the engine's own inbox, keyed {@code
 * <bot>:<update_id>}, absorbs a redelivery that comes in between), the chat is remembered with the
 * bot it wrote to, and a pressed button is answered once the update is handled (a crash in between
 * leaves the app's spinner to its own timeout; the reply itself is in the outbox). An update whose
 * handling fails for itself (not for the database) is recorded as handled ({@code failed}) and
 * answered 200, so it never blocks the bot's later updates (security review #7).
 */
@Service
public class TelegramInbox {

    private static final Logger log = LoggerFactory.getLogger(TelegramInbox.class);

    /** What became of one webhook call. */
    public enum Delivery {
        HANDLED,
        UNKNOWN_BOT,
        BAD_SECRET,
        MALFORMED
    }

    private final TelegramBots bots;
    private final TelegramStore store;
    private final Conversations conversations;
    private final ChannelIdentities identities;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TelegramInbox(
            TelegramBots bots,
            TelegramStore store,
            Conversations conversations,
            ChannelIdentities identities,
            Clock clock,
            ApplicationEventPublisher events) {
        this.bots = bots;
        this.store = store;
        this.conversations = conversations;
        this.identities = identities;
        this.clock = clock;
        this.events = events;
    }

    /** A webhook call: the secret is checked before the body is read. */
    public Delivery deliver(Network network, String bot, String secretToken, byte[] body) {
        var configured = bots.find(network, bot);
        if (configured.isEmpty() || configured.get().settings().polling()) {
            return Delivery.UNKNOWN_BOT;
        }
        if (!configured.get().secretMatches(secretToken)) {
            return Delivery.BAD_SECRET;
        }
        JsonNode update;
        try {
            update = TelegramApi.JSON.readTree(body);
        } catch (JacksonException e) {
            return Delivery.MALFORMED;
        }
        if (update == null || TelegramUpdates.updateId(update).isEmpty()) {
            return Delivery.MALFORMED;
        }
        handle(configured.get(), update);
        return Delivery.HANDLED;
    }

    /** Handles one update of the bot unless it was handled before. */
    void handle(ConfiguredBot bot, JsonNode json) {
        long updateId = TelegramUpdates.updateId(json).orElseThrow();
        if (store.handled(bot.network(), bot.name(), updateId)) {
            return;
        }
        TelegramUpdates.Update update;
        try {
            update = TelegramUpdates.read(json, bot.network(), bot.name(), bot::username);
        } catch (IllegalArgumentException e) {
            // a field outside what the engine accepts (an over-long id, a control character): not answered
            log.info("{} update {} ignored: {}", bot, updateId, e.getMessage());
            store.markHandled(bot.network(), bot.name(), updateId, "invalid", clock.instant());
            return;
        }
        String kind = update.kind();
        boolean recorded = false;
        try {
            if (update.message().isPresent()) {
                recorded = receive(bot, update, update.message().get());
            }
        } catch (RuntimeException e) {
            if (Faults.infrastructure(e)) {
                throw e; // not recorded: the platform (or the next poll) delivers it again
            }
            // a fault of this one update (the engine settles its own): redelivering it would fail the same way
            log.warn("{} update {} failed; recorded as failed", bot, updateId, e);
            kind = "failed";
        }
        if (update.callbackQueryId() != null) {
            answerCallback(bot, update.callbackQueryId());
        }
        publishGroupPost(bot, json);
        if (!recorded) {
            store.markHandled(bot.network(), bot.name(), updateId, kind, clock.instant());
        }
    }

    /**
     * Hands the message to the engine. A private chat's update is recorded as handled, and its chat
     * remembered with the bot, in the engine's transaction: one commit for the update (issue 22).
     * A group's update is recorded after its post went to listening, as before, so that a crash in
     * between delivers it again rather than lose the post; it tells the engine whether the member's
     * private chat takes the bot's messages, where a private answer would go.
     *
     * @return whether the update was recorded as handled with the message
     */
    private boolean receive(ConfiguredBot bot, TelegramUpdates.Update update, InboundMessage message) {
        Instant now = clock.instant();
        if (message.inGroup()) {
            if (update.chatId() != null) {
                store.remember(bot.network(), update.chatId(), update.chatType(), bot.name(), now);
            }
            conversations.receive(message.withPrivateChat(privateChat(bot.network(), message.externalUserId())));
            return false;
        }
        if (blockedAnotherBot(bot, update, message)) {
            return false; // recorded as handled by the caller, and nothing else
        }
        return conversations.receiveAndRecord(message, () -> {
            if (update.chatId() != null) {
                store.rememberWithin(bot.network(), update.chatId(), update.chatType(), bot.name(), now);
            }
            store.markHandledWithin(bot.network(), bot.name(), update.updateId(), update.kind(), now);
        });
    }

    /**
     * With several bots on one network, a person who blocks one of them ("kicked" in
     * {@code my_chat_member}) still talks to the bot their private chat last wrote to: the sender
     * answers through that one. Only a block of that bot (or of the only bot the chat knows of)
     * makes the chat account unreachable and goes to the engine; a block of another bot changes
     * nothing, not even which bot the chat is remembered with (review 2026-12-07 channels follow-up).
     */
    private boolean blockedAnotherBot(ConfiguredBot bot, TelegramUpdates.Update update, InboundMessage message) {
        if (!(message.content() instanceof Inbound.Blocked) || update.chatId() == null) {
            return false;
        }
        Optional<String> current = store.chat(bot.network(), update.chatId()).map(TelegramStore.Chat::bot);
        if (current.isEmpty() || current.get().equals(bot.name())) {
            return false;
        }
        log.info("{}: blocked by chat {}, which talks to bot {}; nothing changes", bot, update.chatId(), current.get());
        return true;
    }

    /**
     * Open when the member once wrote to a bot of the network privately (the sender answers
     * through the bot their private chat last wrote to) and has not shut that chat since: a 403
     * "blocked" or "can't initiate" at a send, or a {@code my_chat_member} "kicked", marks their
     * chat account unreachable, and only their next private message ({@code /start} after an
     * unblock) makes it reachable again. A bot may not write first to anyone else.
     */
    private InboundMessage.PrivateChat privateChat(Network network, String userId) {
        boolean opened = store.privateChatOpened(network, userId);
        boolean reachable = identities
                .identity(network, userId)
                .map(ChannelIdentity::reachable)
                .orElse(true);
        return opened && reachable ? InboundMessage.PrivateChat.OPEN : InboundMessage.PrivateChat.NOT_OPEN;
    }

    /**
     * Tells social listening about a person's text in a group (idempotent downstream by group and
     * message id); the bot remembers the group so that a public reply goes through it. A failure
     * never fails nor repeats the update.
     */
    private void publishGroupPost(ConfiguredBot bot, JsonNode json) {
        try {
            TelegramUpdates.groupPost(json, bot.network(), bot::username).ifPresent(post -> {
                store.remember(
                        bot.network(),
                        post.groupId(),
                        TelegramUpdates.chatType(json.path("message").path("chat")),
                        bot.name(),
                        clock.instant());
                events.publishEvent(
                        post.withGroupMembers(groupMembers(bot, post.groupId()).orElse(null)));
            });
        } catch (RuntimeException e) {
            if (Faults.infrastructure(e)) {
                throw e;
            }
            log.warn(
                    "{}: a group post not handed to listening ({})",
                    bot,
                    e.getClass().getSimpleName());
        }
    }

    /**
     * How many members the group has: remembered for {@link #GROUP_MEMBERS_MAX_AGE}, else asked of
     * the Bot API ({@code getChatMemberCount}, a short timeout, outside any transaction); empty when
     * the platform does not say. One call per group a day, whatever the group's traffic.
     */
    private Optional<Long> groupMembers(ConfiguredBot bot, String groupId) {
        Instant now = clock.instant();
        Optional<Long> known = store.members(bot.network(), groupId, now.minus(GROUP_MEMBERS_MAX_AGE));
        if (known.isPresent()) {
            return known;
        }
        TelegramApi.Answer answer = bot.api()
                .call(
                        "getChatMemberCount",
                        TelegramApi.JSON.createObjectNode().put("chat_id", groupId),
                        GROUP_MEMBERS_TIMEOUT);
        if (answer instanceof TelegramApi.Ok ok
                && ok.result().isIntegralNumber()
                && ok.result().asLong() >= 0) {
            store.members(bot.network(), groupId, ok.result().asLong(), now);
            return Optional.of(ok.result().asLong());
        }
        log.debug("{}: no member count for group {} ({})", bot, groupId, answer);
        return Optional.empty();
    }

    /** How long a group's member count is used before the platform is asked again. */
    static final Duration GROUP_MEMBERS_MAX_AGE = Duration.ofDays(1);

    private static final Duration GROUP_MEMBERS_TIMEOUT = Duration.ofSeconds(2);

    /** Stops the app's spinner on the pressed button; the answer itself comes as a message. */
    private static void answerCallback(ConfiguredBot bot, String callbackQueryId) {
        TelegramApi.Answer answer = bot.api()
                .call(
                        "answerCallbackQuery",
                        TelegramApi.JSON.createObjectNode().put("callback_query_id", callbackQueryId));
        if (!(answer instanceof TelegramApi.Ok)) {
            log.info("{} answerCallbackQuery: {}", bot, answer);
        }
    }
}
