package org.socialbank.campaigns;

import org.socialbank.campaigns.jdbc.JdbcCampaigns;
import org.socialbank.shared.OutboundReported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each campaign recipient's delivery as the platforms report it (accepted, delivered, read,
 * failed with the reason): the report finds its recipient by the outbox row's id, which the
 * sender chose; reports on other messages match no recipient and change nothing.
 */
@Component
class CampaignDeliveries {

    private final JdbcCampaigns store;

    CampaignDeliveries(JdbcCampaigns store) {
        this.store = store;
    }

    @EventListener
    void on(OutboundReported report) {
        int rank = OutboundReported.rank(report.state());
        if (rank > 0) {
            store.reported(report.messageId(), report.state(), rank, report.reason());
        }
    }
}
