package org.socialbank.campaigns;

import java.time.Duration;
import org.socialbank.applications.ApplicationStarted;
import org.socialbank.campaigns.jdbc.JdbcCampaigns;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issue 17, 3.19: an application a customer starts within {@link #WINDOW} after a campaign's
 * message reached her is that campaign's conversion (the latest campaign sent to her: last touch),
 * counted once per campaign, customer and product, in the transaction that started it. A customer
 * no campaign reached, or reached longer ago, converts nothing.
 */
@Component
class CampaignConversions {

    /** How long after a campaign's message an action still counts for it. */
    static final Duration WINDOW = Duration.ofDays(30);

    private final JdbcCampaigns store;

    CampaignConversions(JdbcCampaigns store) {
        this.store = store;
    }

    @EventListener
    void on(ApplicationStarted started) {
        store.convert(
                started.customerId(),
                "application:" + started.product().wireName(),
                started.id().value().toString(),
                started.at(),
                WINDOW);
    }
}
