package org.socialbank.campaigns;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.campaigns.jdbc.JdbcCampaigns;
import org.socialbank.shared.Network;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines and approves campaigns. Approval (by someone other than the creator: four eyes) starts
 * the expansion of the audience, which {@link CampaignAudience} queues a page at a time outside
 * the approving transaction; the sender checks each recipient's consent again just before the
 * message.
 */
@Service
public class Campaigns {

    private final JdbcCampaigns store;
    private final Clock clock;

    Campaigns(JdbcCampaigns store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What a campaign is made of, as staff define it. */
    public record Definition(String name, Network channel, Map<String, String> texts, Map<String, String> textsB,
            CampaignRules rules) {

        public Definition {
            textsB = textsB == null ? Map.of() : Map.copyOf(textsB);
            rules = rules == null ? CampaignRules.defaults() : rules;
        }
    }

    /** Defines a draft; the id makes it idempotent ({@code id_reused} when it names another campaign). */
    @Transactional
    public CampaignOutcome define(UUID id, String name, Network channel, Map<String, String> texts, String createdBy) {
        return define(id, new Definition(name, channel, texts, Map.of(), CampaignRules.defaults()), createdBy);
    }

    /** Defines a draft with its rules and an optional B variant; {@code channel_public} for X. */
    @Transactional
    public CampaignOutcome define(UUID id, Definition d, String createdBy) {
        if (d.channel() == Network.X) {
            return new CampaignOutcome.Refused("channel_public");
        }
        Optional<Campaign> known = store.find(id, true);
        if (known.isPresent()) {
            Campaign c = known.get();
            boolean same = c.name().equals(d.name()) && Objects.equals(c.channel(), d.channel())
                    && c.texts().equals(d.texts()) && c.textsB().equals(d.textsB()) && c.rules().equals(d.rules());
            return same ? new CampaignOutcome.Done(c, true) : new CampaignOutcome.Refused("id_reused");
        }
        store.insert(id, d.name(), d.channel(), d.texts(), d.textsB(), d.rules(), createdBy, clock.instant());
        return new CampaignOutcome.Done(store.find(id, false).orElseThrow(), false);
    }

    /** Approves a draft; its audience is then queued by {@link CampaignAudience}. The creator cannot approve. */
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
        return new CampaignOutcome.Done(store.find(id, false).orElseThrow(), false);
    }

    @Transactional(readOnly = true)
    public Optional<Campaign> campaign(UUID id) {
        return store.find(id, false);
    }

    /**
     * A campaign's statistics: recipients per variant and state, and the reasons of those failed or
     * left out, per variant.
     */
    public record Stats(UUID campaignId, Map<String, Map<String, Long>> states, Map<String, Map<String, Long>> reasons) {
    }

    @Transactional(readOnly = true)
    public Optional<Stats> stats(UUID id) {
        return store.find(id, false).map(c -> new Stats(id, store.stats(id), store.reasons(id)));
    }
}
