package org.socialbank.shared.web;

import java.util.List;
import java.util.Optional;
import org.socialbank.shared.Network;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The "back to the chat" link of the bank's done pages (issue 13 §3): the address of the chat the
 * operation came from, as the channel adapters know it ({@link ChatAddresses}); none when no adapter
 * knows it (WeChat, a bot without a username), and the page then says so in words only.
 */
@Component
public class BackToChat {

    /** The model attribute the page fragment {@code fragments/page :: back} reads. */
    public static final String ATTRIBUTE = "backToChat";

    private final List<ChatAddresses> adapters;

    BackToChat(List<ChatAddresses> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    public Optional<String> url(Network network) {
        if (network == null) {
            return Optional.empty();
        }
        return adapters.stream()
                .map(a -> a.of(network))
                .flatMap(Optional::stream)
                .filter(url -> url.startsWith("https://") || url.startsWith("http://"))
                .findFirst();
    }

    /** The same for a network named by its wire name ("telegram"), as pages and records keep it. */
    public Optional<String> url(String network) {
        return network == null
                ? Optional.empty()
                : Network.fromWireName(network).flatMap(this::url);
    }

    /** Puts the link of {@code network}'s chat on the page, when one is known. */
    public void addTo(Model model, Network network) {
        url(network).ifPresent(url -> model.addAttribute(ATTRIBUTE, url));
    }
}
