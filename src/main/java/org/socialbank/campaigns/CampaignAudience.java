package org.socialbank.campaigns;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.campaigns.jdbc.JdbcCampaigns;
import org.socialbank.consent.Consents;
import org.socialbank.shared.Network;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues an approved campaign's audience, every chat account whose marketing consent is given
 * on its network (or on every private one), a page at a time: each page is one transaction that
 * inserts the page in one batch and moves the campaign's cursor, so the expansion resumes where
 * it stopped after a crash, holds one page in memory however large the audience, and (the
 * recipients' primary key) never queues an account twice. Each recipient gets its account's variant
 * here, control ones queued too: the sender draws a linked chat's again from her customer and
 * settles a control one when its message would have gone.
 */
@Service
public class CampaignAudience {

    /** Recipients per page: one keyset read of consents and one batched insert. */
    public static final int PAGE = 2_000;

    private final JdbcCampaigns store;
    private final Consents consents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CampaignAudience(
            JdbcCampaigns store, Consents consents, PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.consents = consents;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** One page of each expanding campaign (at most {@code campaignsMax}); answers how many were queued. */
    public int expandRound(int campaignsMax) {
        int queued = 0;
        for (UUID id : store.expanding(campaignsMax)) {
            queued += expandPage(id);
        }
        return queued;
    }

    /** Queues the whole audience of an approved campaign, page after page; answers how many. */
    public long expandAll(UUID id) {
        long queued = 0;
        while (store.status(id).filter("approved"::equals).isPresent()) {
            queued += expandPage(id);
        }
        return queued;
    }

    /** One page; answers how many recipients it queued (0 when the campaign is expanded or taken). */
    public int expandPage(UUID id) {
        Integer queued = transactions.execute(status -> {
            Optional<JdbcCampaigns.Expansion> expansion = store.lockExpanding(id);
            Optional<Campaign> campaign = store.find(id, false, false);
            if (expansion.isEmpty() || campaign.isEmpty()) {
                return 0;
            }
            return page(campaign.get(), expansion.get());
        });
        return queued == null ? 0 : queued;
    }

    private int page(Campaign c, JdbcCampaigns.Expansion at) {
        List<Network> networks = networks(c);
        Network network = at.channel() == null ? networks.get(0) : at.channel();
        List<String> users = consents.givenMarketingOn(network, at.after(), PAGE);
        List<String> variants = new ArrayList<>(users.size());
        boolean hasB = !c.textsB().isEmpty();
        users.forEach(u -> variants.add(c.rules().variantOf(c.id(), network.wireName(), u, hasB)));
        if (!users.isEmpty()) {
            store.queue(c.id(), network, users, variants, clock.instant());
        }
        if (users.size() == PAGE) {
            store.moveExpansion(c.id(), network, users.get(users.size() - 1));
        } else {
            int next = networks.indexOf(network) + 1;
            if (next < networks.size()) {
                store.moveExpansion(c.id(), networks.get(next), null);
            } else {
                store.expanded(c.id(), clock.instant());
            }
        }
        return users.size();
    }

    /** The campaign's network, or every private one in wire-name order; never X, which is public. */
    static List<Network> networks(Campaign c) {
        if (c.channel() != null) {
            return List.of(c.channel());
        }
        return Arrays.stream(Network.values())
                .filter(n -> n != Network.X)
                .sorted(Comparator.comparing(Network::wireName))
                .toList();
    }
}
