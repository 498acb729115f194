package org.socialbank.listening.cases;

import java.util.Locale;
import java.util.Optional;
import org.socialbank.shared.Network;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff chat spike alerts go to ({@code socialbank.listening.staff-chat.*}): a chat network
 * with a sender and the chat's id on it (a Telegram group's id, e.g. {@code -1001234567890}).
 * Both empty (the default): alerts go to the console only. The channel picks the bot (with
 * several bots on a network, the one the group last wrote to).
 *
 * @param language the language alerts are written in (en, fr, ru, fa, zh)
 */
@ConfigurationProperties("socialbank.listening.staff-chat")
public record StaffChatProperties(
        String network, String chatId, @DefaultValue("en") String language) {

    public StaffChatProperties {
        boolean none = blank(network) && blank(chatId);
        if (!none) {
            require(
                    !blank(network)
                            && Network.fromWireName(network.strip().toLowerCase(Locale.ROOT))
                                    .isPresent(),
                    "network must be a chat network (telegram, bale, ...): " + network);
            require(
                    !blank(chatId) && chatId.strip().matches("-?[0-9A-Za-z_@.:-]{1,64}"),
                    "chat-id must be the chat's id on the network");
        }
        require(language != null && language.matches("en|fr|ru|fa|zh"), "language must be en, fr, ru, fa or zh");
    }

    /** The network and chat id, when a staff chat is configured. */
    public Optional<Target> target() {
        if (blank(network)) {
            return Optional.empty();
        }
        return Optional.of(new Target(
                Network.fromWireName(network.strip().toLowerCase(Locale.ROOT)).orElseThrow(), chatId.strip()));
    }

    public record Target(Network network, String chatId) {}

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException("socialbank.listening.staff-chat." + message);
        }
    }
}
