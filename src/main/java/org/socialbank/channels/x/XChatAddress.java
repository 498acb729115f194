package org.socialbank.channels.x;

import java.util.Optional;
import org.socialbank.shared.Network;
import org.socialbank.shared.web.ChatAddresses;
import org.springframework.stereotype.Component;

/** Issue 13: the bank's X chat is a direct message to its account, when the account's id is set. */
@Component
class XChatAddress implements ChatAddresses {

    private final XProperties properties;

    XChatAddress(XProperties properties) {
        this.properties = properties;
    }

    @Override
    public Optional<String> of(Network network) {
        return network == Network.X && !properties.userId().isEmpty()
                ? Optional.of("https://x.com/messages/compose?recipient_id=" + properties.userId())
                : Optional.empty();
    }
}
