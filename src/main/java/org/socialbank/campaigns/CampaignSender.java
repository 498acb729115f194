package org.socialbank.campaigns;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.campaigns.jdbc.JdbcCampaigns;
import org.socialbank.consent.Consents;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.Directory;
import org.socialbank.directory.Linking;
import org.socialbank.directory.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued campaign messages, a bounded round at a time: each recipient's consent is checked
 * again (a STOP since approval makes it {@code opted_out}), a public network or an account the
 * bank cannot reach is {@code failed} with its reason, and a sent one is marked {@code sent} in
 * the transaction that writes the message to the outbox: never twice, resumable after a crash.
 * Pacing per platform is the outbox relay's (its per-network send budgets).
 */
@Service
public class CampaignSender {

    private static final Logger log = LoggerFactory.getLogger(CampaignSender.class);
    static final int ROUND_MAX = 100;

    private final JdbcCampaigns store;
    private final Consents consents;
    private final Linking linking;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CampaignSender(JdbcCampaigns store, Consents consents, Linking linking, Directory directory,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.consents = consents;
        this.linking = linking;
        this.directory = directory;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${socialbank.campaigns.send-interval:5s}",
            initialDelayString = "${socialbank.campaigns.send-interval:5s}")
    void scheduled() {
        try {
            sendRound();
        } catch (RuntimeException e) {
            log.warn("campaigns: this round failed; its recipients stay queued for the next", e);
        }
    }

    /** One round; answers how many queued recipients it settled. */
    public int sendRound() {
        Integer settled = transactions.execute(status -> {
            List<JdbcCampaigns.Recipient> round = store.queued(ROUND_MAX);
            Instant now = clock.instant();
            java.util.Map<java.util.UUID, Optional<Campaign>> campaigns = new java.util.HashMap<>();
            for (JdbcCampaigns.Recipient r : round) {
                settle(r, now, campaigns.computeIfAbsent(r.campaignId(), id -> store.find(id, false)));
            }
            return round.size();
        });
        return settled == null ? 0 : settled;
    }

    private void settle(JdbcCampaigns.Recipient r, Instant now, Optional<Campaign> campaign) {
        if (!consents.allowsMarketing(r.channel(), r.externalUserId())) {
            store.mark(r, "opted_out", null, now);
            return;
        }
        if (r.channel() == Network.X) {
            store.mark(r, "failed", "public_network", now);
            return;
        }
        Optional<ChannelIdentity> chat = linking.identity(r.channel(), r.externalUserId())
                .filter(ChannelIdentity::reachable);
        if (chat.isEmpty() || campaign.isEmpty()) {
            store.mark(r, "failed", "unreachable", now);
            return;
        }
        String language = Optional.ofNullable(chat.get().customerId()).flatMap(directory::customer)
                .map(v -> v.customer().language().tag()).orElse("en");
        String text = campaign.get().texts().getOrDefault(language, campaign.get().texts().get("en"));
        events.publishEvent(new CampaignMessageDue(r.campaignId(), chat.get().id(), r.channel(),
                chat.get().externalId(), text));
        store.mark(r, "sent", null, now);
    }
}
