package org.socialbank.channels.telegram;

import java.util.Locale;
import java.util.Optional;
import org.socialbank.shared.Digests;
import org.socialbank.shared.Network;
import tools.jackson.databind.JsonNode;

/** One configured bot at run time: its settings, its Bot API client, its throttle. */
final class ConfiguredBot {

    private final Network network;
    private final String name;
    private final TelegramProperties.Bot settings;
    private final TelegramApi api;
    private final Throttle throttle;
    private volatile String username;

    ConfiguredBot(Network network, String name, TelegramProperties.Bot settings, TelegramApi api, Throttle throttle) {
        this.network = network;
        this.name = name;
        this.settings = settings;
        this.api = api;
        this.throttle = throttle;
        this.username = settings.username();
    }

    Network network() {
        return network;
    }

    String name() {
        return name;
    }

    TelegramProperties.Bot settings() {
        return settings;
    }

    TelegramApi api() {
        return api;
    }

    Throttle throttle() {
        return throttle;
    }

    /**
     * Compares in constant time, so the answer's timing tells nothing about the secret: digests of
     * equal length, whatever the header's length.
     */
    boolean secretMatches(String header) {
        if (header == null || settings.secretToken() == null) {
            return false;
        }
        return Digests.equalInConstantTime(settings.secretToken(), header);
    }

    /** The bot's username as far as it is known now (configured, or learned by {@code getMe}), without asking. */
    Optional<String> knownUsername() {
        return Optional.ofNullable(username).map(u -> u.toLowerCase(Locale.ROOT));
    }

    /** The bot's username (lower case, without '@'): configured, else asked once with {@code getMe}. */
    Optional<String> username() {
        String known = username;
        if (known == null) {
            if (api.call("getMe", TelegramApi.JSON.createObjectNode()) instanceof TelegramApi.Ok ok) {
                JsonNode name = ok.result().path("username");
                if (name.isString()) {
                    known = name.asString();
                    username = known;
                }
            }
        }
        return Optional.ofNullable(known).map(u -> u.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return network.wireName() + "/" + name;
    }
}
