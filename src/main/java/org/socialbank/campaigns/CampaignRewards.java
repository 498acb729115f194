package org.socialbank.campaigns;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.campaigns.jdbc.JdbcRewards;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.JournalPosting;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Campaign rewards (issue 17): follows the ledger's journal, as transaction alerts and loyalty do,
 * and for each posting whose transfer code is a rewarded campaign's action, paid from an account a
 * customer holds, after that campaign's message reached one of her chats and within its window,
 * credits her cashback to her primary account in the reward's currency. The cashback's transfer id
 * is derived from (campaign, customer) and {@code campaign_rewards} is keyed by the same pair, both
 * written in the transaction that moves the locked cursor: once per customer, whatever re-reads
 * the journal or however many nodes follow it.
 */
@Service
public class CampaignRewards {

    private static final Logger log = LoggerFactory.getLogger(CampaignRewards.class);
    /** Journal rows one round reads (within the ledger's page limit). */
    static final int BATCH_MAX = 100;
    /** Rewarded campaigns a round considers. */
    static final int OFFERS_MAX = 100;

    static final String OWNER = "bank:campaigns";
    static final String CODE = "campaign-reward";

    private final JdbcRewards store;
    private final Ledger ledger;
    private final Directory directory;
    private final ChannelIdentities identities;
    private final DurableTransactions writes;
    private final CampaignsProperties properties;
    private final Clock clock;

    CampaignRewards(
            JdbcRewards store,
            Ledger ledger,
            Directory directory,
            ChannelIdentities identities,
            DurableTransactions writes,
            CampaignsProperties properties,
            Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.directory = directory;
        this.identities = identities;
        this.writes = writes;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${socialbank.campaigns.send-interval:5s}",
            initialDelayString = "${socialbank.campaigns.send-interval:5s}")
    void scheduled() {
        try {
            follow();
        } catch (RuntimeException e) {
            log.warn("campaign rewards: this round failed; the next one reads the same rows again", e);
        }
    }

    /** One round over the journal; answers how many journal rows it passed. */
    public int follow() {
        return writes.write(status -> {
            long cursor = store.lockRewardCursor();
            List<JournalPosting> batch =
                    ledger.postedAfter(cursor, clock.instant().minus(properties.rewardSettle()), BATCH_MAX);
            if (batch.isEmpty()) {
                return 0;
            }
            List<JdbcRewards.Offer> offers = store.offers(OFFERS_MAX);
            for (JournalPosting posting : batch) {
                for (JdbcRewards.Offer offer : offers) {
                    reward(offer, posting);
                }
            }
            store.moveRewardCursor(batch.get(batch.size() - 1).sequence());
            return batch.size();
        });
    }

    private void reward(JdbcRewards.Offer offer, JournalPosting posting) {
        CampaignReward reward = offer.reward();
        if (!posting.transfer().code().value().equals(reward.action())) {
            return;
        }
        Optional<CustomerId> customer = directory.holder(posting.debitAccount().id());
        if (customer.isEmpty()
                || store.rewarded(offer.campaignId(), customer.get().value())) {
            return;
        }
        Instant at = posting.transfer().createdAt();
        // a linked chat's account as the platform names it (LinkedChat.account is how its owner reads it)
        boolean reached = identities.linkedChats(customer.get(), Locale.ROOT).stream()
                .map(chat -> identities.identity(chat.id()))
                .flatMap(Optional::stream)
                .map(chat -> store.sentAt(offer.campaignId(), chat.channel(), chat.externalId()))
                .flatMap(Optional::stream)
                .anyMatch(sent ->
                        !at.isBefore(sent) && !at.isAfter(sent.plus(java.time.Duration.ofDays(reward.withinDays()))));
        Optional<AccountId> account =
                directory.primaryAccount(customer.get(), reward.currency().code());
        if (!reached || account.isEmpty()) {
            return;
        }
        TransferId id = new TransferId(
                derived("reward:" + offer.campaignId() + ":" + customer.get().value()));
        TransferResult booked = ledger.transfer(NewTransfer.posted(
                id, openRewards(reward.currency()), account.get(), reward.amountMinor(), reward.currency(), CODE));
        if (booked instanceof TransferResult.Rejected rejected) {
            // her account refuses money (closed, frozen): no reward, and the journal goes on
            log.warn(
                    "campaign {}: the reward for {} was refused: {}",
                    offer.campaignId(),
                    customer.get(),
                    rejected.code());
            return;
        }
        store.insertReward(
                offer.campaignId(),
                customer.get().value(),
                id.value(),
                posting.transfer().id().value(),
                reward,
                clock.instant());
    }

    /** The bank's account that pays a currency's rewards, opened on first use (a replay after). */
    private AccountId openRewards(CurrencyCode currency) {
        AccountId id = new AccountId(derived("rewards:" + currency.code()));
        if (ledger.account(id).isEmpty()) {
            ledger.open(new NewAccount(id, currency, OWNER, AccountKind.BANK_EQUITY, Set.of()));
        }
        return id;
    }

    private static UUID derived(String what) {
        return UUID.nameUUIDFromBytes(("socialbank-campaigns:" + what).getBytes(StandardCharsets.UTF_8));
    }
}
