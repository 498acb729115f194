package org.socialbank.channels.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * At start-up, registers each webhook bot's URL with its secret token ({@code setWebhook}), and
 * runs long polling ({@code getUpdates}) for the bots in polling mode until shutdown.
 */
@Component
class BotLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BotLifecycle.class);

    /** The update kinds the bank answers; the platform does not send the others. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "my_chat_member");

    private static final int UPDATES_PER_POLL_MAX = 100;
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(30);

    private final TelegramBots bots;
    private final TelegramInbox inbox;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private final org.springframework.context.MessageSource messages;

    BotLifecycle(TelegramBots bots, TelegramInbox inbox, org.springframework.context.MessageSource messages) {
        this.bots = bots;
        this.inbox = inbox;
        this.messages = messages;
    }

    @Override
    public synchronized void start() {
        running = true;
        for (ConfiguredBot bot : bots.all()) {
            if (bot.settings().polling()) {
                threads.add(daemon("poll-" + bot, () -> poll(bot)));
            } else if (bot.settings().webhookUrl() != null) {
                // in the background: a platform that cannot be reached must not hold the start
                threads.add(daemon("set-webhook-" + bot, () -> setWebhook(bot)));
            }
            if (bot.network() == org.socialbank.shared.Network.TELEGRAM) {
                threads.add(daemon("set-menu-" + bot, () -> setMenu(bot, messages)));
            }
        }
    }

    /** Issue 13: the commands of Telegram's persistent menu, each a word the chat understands as it is. */
    static final List<String> MENU = List.of("balance", "history", "pay", "requests", "branches", "help", "language");

    /**
     * Issue 13: the bot's persistent menu (the menu button and the "/" list), its commands described
     * in each of the five languages (Telegram shows the one of the user's app, English otherwise).
     */
    static void setMenu(ConfiguredBot bot, org.springframework.context.MessageSource messages) {
        for (org.socialbank.shared.Language language : org.socialbank.shared.Language.values()) {
            TelegramApi.Answer answer = bot.api().call("setMyCommands", menuCommands(messages, language));
            if (!(answer instanceof TelegramApi.Ok)) {
                log.warn("{}: setMyCommands ({}) failed: {}", bot, language.tag(), answer);
            }
        }
        ObjectNode button = TelegramApi.JSON.createObjectNode();
        button.putObject("menu_button").put("type", "commands");
        TelegramApi.Answer answer = bot.api().call("setChatMenuButton", button);
        if (!(answer instanceof TelegramApi.Ok)) {
            log.warn("{}: setChatMenuButton failed: {}", bot, answer);
        }
    }

    /** The {@code setMyCommands} body for one language; English is the default (no language_code). */
    static ObjectNode menuCommands(
            org.springframework.context.MessageSource messages, org.socialbank.shared.Language language) {
        ObjectNode p = TelegramApi.JSON.createObjectNode();
        var commands = p.putArray("commands");
        for (String command : MENU) {
            commands.addObject()
                    .put("command", command)
                    .put("description", messages.getMessage("telegram.menu." + command, null, language.locale()));
        }
        if (language != org.socialbank.shared.Language.EN) {
            p.put("language_code", language.tag());
        }
        return p;
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public synchronized void stop() {
        // no interrupt: a polling thread may be inside a database transaction, and an interrupt
        // during file I/O closes the embedded H2 store for every connection. The threads are
        // daemons and see running = false after their current long poll or pause.
        running = false;
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    static ObjectNode webhookParameters(ConfiguredBot bot) {
        ObjectNode p = TelegramApi.JSON
                .createObjectNode()
                .put("url", bot.settings().webhookUrl())
                .put("secret_token", bot.settings().secretToken());
        ALLOWED_UPDATES.forEach(p.putArray("allowed_updates")::add);
        return p;
    }

    private static void setWebhook(ConfiguredBot bot) {
        TelegramApi.Answer answer = bot.api().call("setWebhook", webhookParameters(bot));
        if (answer instanceof TelegramApi.Ok) {
            log.info("{}: webhook set to {}", bot, bot.settings().webhookUrl());
        } else {
            log.warn("{}: setWebhook failed: {}", bot, answer);
        }
    }

    /**
     * Asks for updates after the last one handled, handles them in order and moves on. An update
     * that fails for itself is settled by the inbox (recorded failed), so the offset moves past it;
     * only an infrastructure failure leaves the offset at that update, so it comes again (its
     * handling is idempotent) after a pause.
     */
    private void poll(ConfiguredBot bot) {
        bot.api()
                .call(
                        "deleteWebhook",
                        TelegramApi.JSON.createObjectNode()); // getUpdates is refused while a webhook is set
        long offset = 0;
        int failures = 0;
        Duration callTimeout = bot.settings().pollTimeout().plus(bot.settings().requestTimeout());
        while (running && !Thread.currentThread().isInterrupted()) {
            ObjectNode p = TelegramApi.JSON
                    .createObjectNode()
                    .put("offset", offset)
                    .put("timeout", bot.settings().pollTimeout().toSeconds())
                    .put("limit", UPDATES_PER_POLL_MAX);
            ALLOWED_UPDATES.forEach(p.putArray("allowed_updates")::add);
            try {
                if (bot.api().call("getUpdates", p, callTimeout) instanceof TelegramApi.Ok ok
                        && ok.result().isArray()) {
                    for (JsonNode update : ok.result()) {
                        inbox.handle(bot, update);
                        offset = Math.max(
                                offset, TelegramUpdates.updateId(update).orElse(offset - 1) + 1);
                    }
                    failures = 0;
                    continue;
                }
            } catch (RuntimeException e) {
                log.warn("{}: handling polled updates failed; they come again", bot, e);
            }
            failures++;
            if (!pause(Duration.ofSeconds(1L << Math.min(failures, 5)))) {
                return;
            }
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(Math.min(duration.toMillis(), BACKOFF_MAX.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
