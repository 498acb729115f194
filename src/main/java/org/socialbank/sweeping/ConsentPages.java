package org.socialbank.sweeping;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.SignedLinks;
import org.socialbank.shared.Uuids;
import org.springframework.stereotype.Component;

/**
 * The bank's page of a customer's linked accounts (issue 16 s6: "consent list and revoke in chat and
 * on the page"), opened by a signed link the chat sends with the list: valid {@link #LINK_TTL}, it
 * names the customer and nothing else, and opens only that customer's consents.
 */
@Component
public class ConsentPages {

    /** Short: the link in a chat history should not keep opening the page for long. */
    static final Duration LINK_TTL = Duration.ofMinutes(30);

    private final SignedLinks links;
    private final DirectoryProperties pages;
    private final Directory directory;
    private final Clock clock;

    ConsentPages(OneTimeCodes codes, DirectoryProperties pages, Directory directory, Clock clock) {
        this.links = new SignedLinks(codes.deriveKey("sweeping consents page"));
        this.pages = pages;
        this.directory = directory;
        this.clock = clock;
    }

    /** The signed link to the customer's page, in their language. */
    public String url(CustomerId customer) {
        String language = directory
                .customer(customer)
                .map(v -> v.customer().language().locale().getLanguage())
                .orElse("en");
        return pages.url("/linked-accounts/"
                + links.sign(customer.value().toString(), clock.instant().plus(LINK_TTL)) + "?lang=" + language);
    }

    /** The customer a well-signed, unexpired link names; empty otherwise. */
    public Optional<CustomerId> customerOf(String token) {
        return links.verify(token, clock.instant()).flatMap(Uuids::parse).map(CustomerId::new);
    }
}
