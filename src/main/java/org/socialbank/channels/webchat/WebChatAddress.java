package org.socialbank.channels.webchat;

import java.util.Optional;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.shared.Network;
import org.socialbank.shared.web.ChatAddresses;
import org.springframework.stereotype.Component;

/** Issue 13: the web chat is the bank's own page {@code /chat}, at the bank's public address. */
@Component
class WebChatAddress implements ChatAddresses {

    private final DirectoryProperties directory;

    WebChatAddress(DirectoryProperties directory) {
        this.directory = directory;
    }

    @Override
    public Optional<String> of(Network network) {
        return network == Network.WEBCHAT ? Optional.of(directory.url("/chat")) : Optional.empty();
    }
}
