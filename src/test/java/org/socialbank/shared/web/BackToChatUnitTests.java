package org.socialbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.Network;

/** Issue 13 (3.4a): the "back to the chat" link is the first adapter's web address for the network, or none. */
class BackToChatUnitTests {

    @Test
    void theFirstKnownAddressOnlyAnHttpOneAndNoneForAnUnknownNetwork() {
        ChatAddresses telegram = n -> n == Network.TELEGRAM ? Optional.of("https://t.me/bank") : Optional.empty();
        ChatAddresses odd = n -> n == Network.X ? Optional.of("javascript:alert(1)") : Optional.empty();
        BackToChat back = new BackToChat(List.of(odd, telegram));
        assertThat(back.url(Network.TELEGRAM)).contains("https://t.me/bank");
        assertThat(back.url("telegram")).contains("https://t.me/bank");
        assertThat(back.url(Network.X)).as("never a script as a link").isEmpty();
        assertThat(back.url(Network.WECHAT)).isEmpty();
        assertThat(back.url("no-such-network")).isEmpty();
        assertThat(back.url((Network) null)).isEmpty();
    }
}
