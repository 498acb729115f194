package org.socialbank.campaigns;

import org.socialbank.campaigns.jdbc.JdbcCampaigns;
import org.socialbank.shared.OutboundReported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each campaign recipient's delivery as the platforms report it (accepted, delivered, read,
 * failed with the reason, or {@code blocked} when the refusal was the user's block of the bank:
 * the channel adapter marked her chat account unreachable as it refused, issue 17 3.15): the
 * report finds its recipient by the outbox row's id, which the sender chose; reports on other
 * messages match no recipient and change nothing.
 */
@Component
class CampaignDeliveries {

    private final JdbcCampaigns store;
    private final org.socialbank.directory.ChannelIdentities identities;

    CampaignDeliveries(JdbcCampaigns store, org.socialbank.directory.ChannelIdentities identities) {
        this.store = store;
        this.identities = identities;
    }

    @EventListener
    void on(OutboundReported report) {
        int rank = OutboundReported.rank(report.state());
        if (rank == 0) {
            return;
        }
        String state = "failed".equals(report.state()) && blocked(report) ? "blocked" : report.state();
        store.reported(report.messageId(), state, rank, report.reason());
    }

    private boolean blocked(OutboundReported report) {
        return store.byMessage(report.messageId())
                .flatMap(r -> identities.identity(r.channel(), r.externalUserId()))
                .filter(chat -> !chat.reachable())
                .isPresent();
    }
}
