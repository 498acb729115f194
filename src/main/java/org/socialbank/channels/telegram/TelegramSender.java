package org.socialbank.channels.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.shared.Network;

/**
 * Sends the engine's replies on Telegram or on Bale (one instance per network with bots), through
 * the bot the chat last wrote to, within that bot's rates. A turn further away than the bot's
 * {@code throttle-wait-max}, and a 429 (which pauses the bot for its {@code retry_after}), answer
 * "not now" with the wait, which is no send attempt; 5xx and no connection are tried again, a timeout
 * after the request was written is {@code Unknown}, a 403 that shuts the person's private chat
 * ("blocked by the user", "can't initiate conversation") marks the chat account unreachable until
 * they write privately again, any other "no" is final. In a group or channel chat what the bot would say passes
 * the public rule first ({@link GroupLock}).
 */
final class TelegramSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

    private final Network network;
    private final TelegramBots bots;
    private final TelegramStore store;
    private final ChannelIdentities identities;
    private final GroupLock lock;

    TelegramSender(
            Network network, TelegramBots bots, TelegramStore store, ChannelIdentities identities, GroupLock lock) {
        this.network = network;
        this.bots = bots;
        this.store = store;
        this.identities = identities;
        this.lock = lock;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public SendOutcome send(OutboundMessage message, String idempotencyKey) {
        String chatId = TelegramReplies.chatOf(message.recipient());
        // a fault of this read is no send: the relay tries again (review 2026-12-07 channels follow-up)
        Optional<TelegramStore.Chat> chat = ChannelSender.beforeSend(() -> store.chat(network, chatId));
        Optional<ConfiguredBot> bot = botFor(chat);
        if (bot.isEmpty()) {
            return new SendOutcome.Failed(false, "no " + network.wireName() + " bot knows chat " + message.recipient());
        }
        TelegramReplies.Call call;
        try {
            call = TelegramReplies.render(message.content(), message.recipient());
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Failed(false, e.getMessage());
        }
        String type = chat.map(TelegramStore.Chat::type).orElse(null);
        if (chatId.equals(message.recipient())) { // a reply: recipient was held to the rule in render
            TelegramReplies.Call rendered = call;
            call = ChannelSender.beforeSend(() -> lock.guard(message, chatId, type, rendered));
        }
        // a group by its recorded type too: Bale numbers some groups with positive ids
        return send(bot.get(), message, call, Throttle.group(chatId, type));
    }

    private SendOutcome send(ConfiguredBot bot, OutboundMessage message, TelegramReplies.Call call, boolean group) {
        Throttle.Turn turn;
        try {
            turn = bot.throttle()
                    .acquire(
                            TelegramReplies.chatOf(message.recipient()),
                            group,
                            bot.settings().throttleWaitMax().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.NotNow(Duration.ofSeconds(1), "interrupted while waiting for the bot's turn");
        }
        if (turn != Throttle.Turn.GO) {
            Duration wait =
                    Duration.ofNanos(bot.throttle().nanosUntilTurn(TelegramReplies.chatOf(message.recipient())));
            return new SendOutcome.NotNow(
                    wait,
                    turn == Throttle.Turn.PAUSED
                            ? bot + " paused by a 429"
                            : bot + " at its sending rate for chat " + message.recipient());
        }
        return outcome(bot, message, bot.api().call(call.method(), call.parameters()));
    }

    private SendOutcome outcome(ConfiguredBot bot, OutboundMessage message, TelegramApi.Answer answer) {
        if (answer instanceof TelegramApi.Ok) {
            return new SendOutcome.Sent();
        }
        if (answer instanceof TelegramApi.NoAnswer none) {
            return none.maybeDelivered()
                    ? new SendOutcome.Unknown(none.reason())
                    : new SendOutcome.Failed(true, none.reason());
        }
        TelegramApi.Refused refused = (TelegramApi.Refused) answer;
        if (refused.status() == 429) {
            bot.throttle().pause(refused.retryAfterSeconds());
            log.warn("{} paused for {} s: {}", bot, refused.retryAfterSeconds(), refused.description());
            return new SendOutcome.NotNow(
                    Duration.ofSeconds(Math.max(1, refused.retryAfterSeconds())), refused.description());
        }
        if (refused.privateChatShut()) {
            identities.markUnreachable(message.identityId());
            return new SendOutcome.Failed(false, refused.description());
        }
        return new SendOutcome.Failed(refused.status() >= 500, refused.description());
    }

    /** The slowest bot of the network: its wait for a turn, then one Bot API call. */
    @Override
    public SendDurationMax sendDurationMax() {
        SendDurationMax max = SendDurationMax.NONE;
        for (ConfiguredBot bot : bots.of(network)) {
            Duration duration =
                    bot.settings().throttleWaitMax().plus(bot.settings().requestTimeout());
            if (duration.compareTo(max.duration()) > 0) {
                String where = "socialbank.channels." + network.wireName() + ".bots." + bot.name() + ".";
                max = new SendDurationMax(duration, where + "throttle-wait-max + " + where + "request-timeout");
            }
        }
        return max;
    }

    /** The bot the chat talks to; with a single bot on the network, that one. */
    private Optional<ConfiguredBot> botFor(Optional<TelegramStore.Chat> chat) {
        Optional<ConfiguredBot> remembered = chat.flatMap(c -> bots.find(network, c.bot()));
        if (remembered.isPresent()) {
            return remembered;
        }
        List<ConfiguredBot> all = bots.of(network);
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }
}
