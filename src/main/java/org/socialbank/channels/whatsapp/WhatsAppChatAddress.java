package org.socialbank.channels.whatsapp;

import java.util.Optional;
import org.socialbank.shared.Network;
import org.socialbank.shared.web.ChatAddresses;
import org.springframework.stereotype.Component;

/** Issue 13: the bank's WhatsApp chat is {@code https://wa.me/<business-number>}, when the number is set. */
@Component
class WhatsAppChatAddress implements ChatAddresses {

    private final WhatsAppProperties properties;

    WhatsAppChatAddress(WhatsAppProperties properties) {
        this.properties = properties;
    }

    @Override
    public Optional<String> of(Network network) {
        return network == Network.WHATSAPP && !properties.businessNumber().isEmpty()
                ? Optional.of("https://wa.me/" + properties.businessNumber())
                : Optional.empty();
    }
}
