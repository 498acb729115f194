package org.socialbank.campaigns;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.campaigns.jdbc.JdbcCampaigns;
import org.socialbank.consent.Consents;
import org.socialbank.directory.Network;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines and approves campaigns. Approval (by someone other than the creator: four eyes) queues
 * every chat account whose marketing consent is given at that moment; the sender checks the
 * consent again just before each message.
 */
@Service
public class Campaigns {

    /** The most recipients one campaign queues (this first cut queues them in the approving transaction). */
    public static final int RECIPIENTS_MAX = 100_000;
    static final int PAGE = 500;

    private final JdbcCampaigns store;
    private final Consents consents;
    private final Clock clock;

    Campaigns(JdbcCampaigns store, Consents consents, Clock clock) {
        this.store = store;
        this.consents = consents;
        this.clock = clock;
    }

    /** Defines a draft; the id makes it idempotent ({@code id_reused} when it names another campaign). */
    @Transactional
    public CampaignOutcome define(UUID id, String name, Network channel, Map<String, String> texts, String createdBy) {
        Optional<Campaign> known = store.find(id, true);
        if (known.isPresent()) {
            Campaign c = known.get();
            boolean same = c.name().equals(name) && Objects.equals(c.channel(), channel) && c.texts().equals(texts);
            return same ? new CampaignOutcome.Done(c, true) : new CampaignOutcome.Refused("id_reused");
        }
        store.insert(id, name, channel, texts, createdBy, clock.instant());
        return new CampaignOutcome.Done(store.find(id, false).orElseThrow(), false);
    }

    /** Approves a draft and queues its audience; the creator cannot approve their own campaign. */
    @Transactional
    public CampaignOutcome approve(UUID id, String approvedBy) {
        Optional<Campaign> found = store.find(id, true);
        if (found.isEmpty()) {
            return new CampaignOutcome.Refused("campaign_not_found");
        }
        Campaign c = found.get();
        if (c.createdBy().equals(approvedBy)) {
            return new CampaignOutcome.Refused("four_eyes");
        }
        if (!c.status().equals("draft")) {
            return new CampaignOutcome.Refused("not_draft");
        }
        store.approve(id, approvedBy, clock.instant());
        Consents.ChatAccount after = null;
        for (int queued = 0; queued < RECIPIENTS_MAX; ) {
            List<Consents.ChatAccount> page = consents.givenMarketing(c.channel(), after,
                    Math.min(PAGE, RECIPIENTS_MAX - queued));
            page.forEach(a -> store.queue(id, a.channel(), a.externalUserId(), clock.instant()));
            queued += page.size();
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        return new CampaignOutcome.Done(store.find(id, false).orElseThrow(), false);
    }

    @Transactional(readOnly = true)
    public Optional<Campaign> campaign(UUID id) {
        return store.find(id, false);
    }
}
