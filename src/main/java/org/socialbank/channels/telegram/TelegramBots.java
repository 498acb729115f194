package org.socialbank.channels.telegram;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialbank.shared.Network;

/** Every configured Telegram and Bale bot, by network and name. */
public final class TelegramBots {

    private final List<ConfiguredBot> bots;

    TelegramBots(List<ConfiguredBot> bots) {
        this.bots = List.copyOf(bots);
    }

    static TelegramBots of(TelegramProperties properties, Throttle.Time time) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<ConfiguredBot> all = new ArrayList<>();
        add(all, Network.TELEGRAM, properties.telegram().bots(), http, time);
        add(all, Network.BALE, properties.bale().bots(), http, time);
        return new TelegramBots(all);
    }

    private static void add(
            List<ConfiguredBot> all,
            Network network,
            Map<String, TelegramProperties.Bot> bots,
            HttpClient http,
            Throttle.Time time) {
        bots.forEach((name, bot) -> all.add(new ConfiguredBot(
                network,
                name,
                bot,
                new TelegramApi(http, bot.apiBaseUrl(), bot.token(), bot.requestTimeout()),
                new Throttle(
                        time, bot.messagesPerSecond(), bot.chatMessagesPerSecond(), bot.groupMessagesPerMinute()))));
    }

    List<ConfiguredBot> all() {
        return bots;
    }

    Optional<ConfiguredBot> find(Network network, String name) {
        return bots.stream()
                .filter(b -> b.network() == network && b.name().equals(name))
                .findFirst();
    }

    List<ConfiguredBot> of(Network network) {
        return bots.stream().filter(b -> b.network() == network).toList();
    }
}
