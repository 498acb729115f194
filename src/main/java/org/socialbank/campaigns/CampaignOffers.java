package org.socialbank.campaigns;

import java.util.Optional;
import java.util.UUID;
import org.socialbank.campaigns.jdbc.JdbcCampaigns;
import org.socialbank.consent.Consents;
import org.socialbank.shared.MarketingMessages;
import org.springframework.stereotype.Component;

/**
 * Tells the channel adapters which outbox messages are campaign messages (issue 17, 3.13): the
 * recipient's row names the outbox row's id the sender chose, and her consent is read again now,
 * just before a marketing template or a mass send carries it.
 */
@Component
class CampaignOffers implements MarketingMessages {

    private final JdbcCampaigns store;
    private final Consents consents;
    /** Where tracked links start, as the sender writes them. */
    private final String links;

    CampaignOffers(
            JdbcCampaigns store, Consents consents, org.socialbank.directory.DirectoryProperties directoryProperties) {
        this.store = store;
        this.consents = consents;
        this.links = directoryProperties.publicBaseUrl().toString().replaceAll("/+$", "") + CampaignSender.LINK_PATH;
    }

    @Override
    public Optional<Marketing> marketing(UUID messageId) {
        return store.byMessage(messageId).map(r -> {
            JdbcCampaigns.Links link = store.links(messageId).orElse(new JdbcCampaigns.Links(null, null));
            return new Marketing(
                    r.campaignId(),
                    consents.allowsMarketing(r.channel(), r.externalUserId()),
                    link.token() == null ? null : links + link.token(),
                    link.target());
        });
    }
}
