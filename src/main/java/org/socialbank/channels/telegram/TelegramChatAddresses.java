package org.socialbank.channels.telegram;

import java.util.Optional;
import org.socialbank.shared.Network;
import org.socialbank.shared.web.ChatAddresses;
import org.springframework.stereotype.Component;

/**
 * Issue 13: the bank's Telegram chat is {@code https://t.me/<bot>}, its Bale chat
 * {@code https://ble.ir/<bot>}, for the first bot of the network whose username is known (configured,
 * or learned by {@code getMe}); none when no bot's is. A page never calls the Bot API to learn it.
 */
@Component
class TelegramChatAddresses implements ChatAddresses {

    private final TelegramBots bots;

    TelegramChatAddresses(TelegramBots bots) {
        this.bots = bots;
    }

    @Override
    public Optional<String> of(Network network) {
        String base = switch (network) {
            case TELEGRAM -> "https://t.me/";
            case BALE -> "https://ble.ir/";
            default -> null;
        };
        if (base == null) {
            return Optional.empty();
        }
        return bots.of(network).stream()
                .map(ConfiguredBot::knownUsername)
                .flatMap(Optional::stream)
                .findFirst()
                .map(username -> base + username);
    }
}
