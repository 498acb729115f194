package org.socialbank.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.Network;

/** Issue 13 (3.4a): the done pages' "back to the chat" link for Telegram and Bale, from the bots' settings. */
class TelegramChatAddressesUnitTests {

    static TelegramProperties.Bot bot(String username) {
        return new TelegramProperties.Bot(
                "123456:contract-token",
                "contract-secret-token",
                null,
                "webhook",
                null,
                username,
                30,
                1,
                20,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(25));
    }

    @Test
    void theFirstBotWithAKnownUsernameIsTheChatAndNoneIsNoLink() {
        TelegramProperties settings = new TelegramProperties(
                new TelegramProperties.Bots(Map.of("main", bot("SocialBankBot"))),
                new TelegramProperties.Bots(Map.of("fa", bot(null))));
        TelegramChatAddresses addresses = new TelegramChatAddresses(TelegramBots.of(settings, Throttle.Time.SYSTEM));
        assertThat(addresses.of(Network.TELEGRAM)).contains("https://t.me/socialbankbot");
        assertThat(addresses.of(Network.BALE))
                .as("no username known, and a page never asks getMe")
                .isEmpty();
        assertThat(addresses.of(Network.WHATSAPP)).isEmpty();

        TelegramProperties bale = new TelegramProperties(
                new TelegramProperties.Bots(Map.of()), new TelegramProperties.Bots(Map.of("fa", bot("bank_bot"))));
        assertThat(new TelegramChatAddresses(TelegramBots.of(bale, Throttle.Time.SYSTEM)).of(Network.BALE))
                .contains("https://ble.ir/bank_bot");
    }
}
