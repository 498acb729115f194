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
import org.socialbank.campaigns.jdbc.JdbcReferrals;
import org.socialbank.campaigns.jdbc.JdbcRewards;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
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
 * the journal or however many nodes follow it. A round decides first and books its cashbacks
 * last, right before its commit: a cashback takes its time when it is booked, and the journal's
 * followers (her cashback's alert) rely on its commit coming within their settle of that time
 * (docs/ledger.md, "The journal's followers"), however many campaigns the round read.
 */
@Service
public class CampaignRewards {

    private static final Logger log = LoggerFactory.getLogger(CampaignRewards.class);
    /** Journal rows one round reads (within {@link Ledger#JOURNAL_PAGE_MAX}). */
    static final int BATCH_MAX = 100;
    /** Rewarded campaigns read at a time; a round reads them all, page after page. */
    static final int OFFERS_PAGE = 100;

    static final String OWNER = "bank:campaigns";
    static final String CODE = "campaign-reward";

    private final JdbcRewards store;
    private final Ledger ledger;
    private final Directory directory;
    private final ChannelIdentities identities;
    private final DurableTransactions writes;
    private final CampaignsProperties properties;
    private final Clock clock;
    private final org.socialbank.loyalty.Points points;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final JdbcReferrals referrals;

    CampaignRewards(
            JdbcRewards store,
            Ledger ledger,
            Directory directory,
            ChannelIdentities identities,
            DurableTransactions writes,
            CampaignsProperties properties,
            Clock clock,
            org.socialbank.loyalty.Points points,
            org.springframework.context.ApplicationEventPublisher events,
            JdbcReferrals referrals) {
        this.referrals = referrals;
        this.points = points;
        this.events = events;
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
            List<Cashback> due = rewardPage(batch);
            due.forEach(this::book);
            store.moveRewardCursor(batch.get(batch.size() - 1).sequence());
            return batch.size();
        });
    }

    /**
     * Every campaign whose reward window can still match a posting of the page (its end not before
     * the page's oldest posting, its action one of the page's codes), however many, read
     * {@link #OFFERS_PAGE} at a time: none is left out by a cap, and the postings stay in journal
     * order for each campaign (its first qualifying one earns). Points are granted as it goes (no
     * journal follower alerts them); the cashbacks it answers are for the caller to book last.
     */
    private List<Cashback> rewardPage(List<JournalPosting> batch) {
        Set<String> actions = new java.util.HashSet<>();
        Instant oldest = batch.get(0).transfer().createdAt();
        for (JournalPosting posting : batch) {
            actions.add(posting.transfer().code().value());
            oldest = posting.transfer().createdAt().isBefore(oldest)
                    ? posting.transfer().createdAt()
                    : oldest;
        }
        // the payers, once a round (not once per posting and offer)
        java.util.Map<AccountId, CustomerId> holders = directory.holders(
                batch.stream().map(p -> p.debitAccount().id()).collect(java.util.stream.Collectors.toSet()));
        List<Cashback> due = new java.util.ArrayList<>();
        UUID after = null;
        List<JdbcRewards.Offer> offers;
        do {
            offers = store.offers(actions, oldest, after, OFFERS_PAGE);
            for (JournalPosting posting : batch) {
                Optional<CustomerId> payer =
                        Optional.ofNullable(holders.get(posting.debitAccount().id()));
                for (JdbcRewards.Offer offer : offers) {
                    if (offer.reward().referral() == null) {
                        reward(offer, posting, payer, due);
                    } else {
                        referral(offer, posting, payer, due);
                    }
                }
            }
            after = offers.isEmpty() ? after : offers.get(offers.size() - 1).campaignId();
        } while (offers.size() == OFFERS_PAGE);
        return due;
    }

    /**
     * A cashback a round decided, booked at its end.
     *
     * @param sourceTransferId the posting that earned a recipient's reward ({@code campaign_rewards}
     *     is written once it is booked), null for a referral's
     * @param referee the new customer of the referral this rewards (its referrer, or her when
     *     {@code toReferee}; a refusal is kept on that referral), else null
     * @param toReferee whether this is the referral's reward to its new customer
     */
    private record Cashback(
            UUID campaignId,
            CustomerId customer,
            String what,
            CampaignReward reward,
            UUID sourceTransferId,
            UUID referee,
            boolean toReferee) {

        boolean rewards(UUID campaign, CustomerId payer) {
            return sourceTransferId != null && campaignId.equals(campaign) && customer.equals(payer);
        }
    }

    private void reward(
            JdbcRewards.Offer offer, JournalPosting posting, Optional<CustomerId> customer, List<Cashback> due) {
        CampaignReward reward = offer.reward();
        if (!posting.transfer().code().value().equals(reward.action())) {
            return;
        }
        if (customer.isEmpty()
                || store.rewarded(offer.campaignId(), customer.get().value())
                || due.stream().anyMatch(c -> c.rewards(offer.campaignId(), customer.get()))) {
            return;
        }
        Optional<ChannelIdentity> reached = reachedChat(
                offer.campaignId(), customer.get(), posting.transfer().createdAt(), reward);
        if (reached.isEmpty()) {
            return;
        }
        String what = "reward:" + offer.campaignId() + ":" + customer.get().value();
        if (!reward.points()) {
            due.add(new Cashback(
                    offer.campaignId(),
                    customer.get(),
                    what,
                    reward,
                    posting.transfer().id().value(),
                    null,
                    false));
        } else if (grant(customer.get(), what, reward, reached.get())) {
            store.insertReward(
                    offer.campaignId(),
                    customer.get().value(),
                    derived(what),
                    posting.transfer().id().value(),
                    reward,
                    clock.instant(),
                    null);
        }
    }

    /**
     * Books a cashback the round decided. A recipient's is recorded booked or refused (no replay
     * books it either way); a referral's refused one, its referrer's or its new customer's, is kept on
     * the referral. A refused one is counted refused with the ledger's reason (review 2026-12-07
     * campaigns follow-up: a new customer's and a recipient's were only logged).
     */
    private void book(Cashback cashback) {
        Optional<String> refused = cashback(
                cashback.campaignId(),
                cashback.customer(),
                new TransferId(derived(cashback.what())),
                cashback.reward());
        if (cashback.sourceTransferId() != null) {
            store.insertReward(
                    cashback.campaignId(),
                    cashback.customer().value(),
                    derived(cashback.what()),
                    cashback.sourceTransferId(),
                    cashback.reward(),
                    clock.instant(),
                    refused.orElse(null));
        } else if (refused.isPresent() && cashback.toReferee()) {
            referrals.refereeRefused(cashback.campaignId(), cashback.referee(), refused.get());
        } else if (refused.isPresent()) {
            referrals.refused(cashback.campaignId(), cashback.referee(), refused.get());
        }
    }

    /**
     * A posting by a new customer a recipient brought (3.17 referral): her first posting with the
     * reward's code within the window after she was recorded earns the referrer the reward, and her
     * too when the campaign says so. The referral row is marked in this transaction, and each
     * credit's id is derived from (campaign, new customer): once, whatever re-reads the journal.
     */
    private void referral(
            JdbcRewards.Offer offer, JournalPosting posting, Optional<CustomerId> referee, List<Cashback> due) {
        CampaignReward reward = offer.reward();
        if (!posting.transfer().code().value().equals(reward.action())) {
            return;
        }
        Optional<JdbcReferrals.Referral> referral = referee.flatMap(r -> referrals.ofReferee(r.value()))
                .filter(r -> r.campaignId().equals(offer.campaignId()) && r.rewardedAt() == null);
        Instant at = posting.transfer().createdAt();
        if (referral.isEmpty()
                || at.isBefore(referral.get().recordedAt())
                || at.isAfter(referral.get().recordedAt().plus(java.time.Duration.ofDays(reward.withinDays())))
                || !referrals.rewarded(
                        offer.campaignId(),
                        referee.get().value(),
                        posting.transfer().id().value(),
                        clock.instant())) {
            return;
        }
        CustomerId referrer = new CustomerId(referral.get().referrerId());
        String pair = offer.campaignId() + ":" + referee.get().value();
        credit(
                offer.campaignId(),
                referrer,
                "referral:" + pair,
                reward,
                due,
                referee.get().value(),
                false);
        if (reward.referral().refereeToo()) {
            credit(
                    offer.campaignId(),
                    referee.get(),
                    "referee:" + pair,
                    reward,
                    due,
                    referee.get().value(),
                    true);
        }
    }

    /**
     * A referral's reward: its points granted now, its cashback due at the round's end.
     *
     * @param referee the referral's new customer
     * @param toReferee whether this is her own reward, not her referrer's
     */
    private void credit(
            UUID campaignId,
            CustomerId customer,
            String what,
            CampaignReward reward,
            List<Cashback> due,
            UUID referee,
            boolean toReferee) {
        if (reward.points()) {
            grant(customer, what, reward, null);
        } else {
            due.add(new Cashback(campaignId, customer, what, reward, null, referee, toReferee));
        }
    }

    /**
     * Grants a reward's points under an id derived from {@code what}, through the loyalty book, and
     * her chat is told (points have no posting alert; a cashback's posting alert tells her).
     *
     * @param chat where to tell her, null for her first linked chat
     */
    private boolean grant(CustomerId customer, String what, CampaignReward reward, ChannelIdentity chat) {
        TransferId id = new TransferId(derived(what));
        if (!points.grant(customer, reward.amountMinor(), id.value(), CODE)) {
            return false;
        }
        Optional.ofNullable(chat)
                .or(() -> firstChat(customer))
                .ifPresent(c -> tell(customer, c, reward.amountMinor(), derived("message:" + what)));
        return true;
    }

    private Optional<ChannelIdentity> firstChat(CustomerId customer) {
        return identities.linkedChats(customer, Locale.ROOT).stream()
                .map(chat -> identities.identity(chat.id()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The linked chat of hers the campaign's message reached before {@code at} and within the window. */
    private Optional<ChannelIdentity> reachedChat(
            UUID campaignId, CustomerId customer, Instant at, CampaignReward reward) {
        // a linked chat's account as the platform names it (LinkedChat.account is how its owner reads it)
        return identities.linkedChats(customer, Locale.ROOT).stream()
                .map(chat -> identities.identity(chat.id()))
                .flatMap(Optional::stream)
                .filter(chat -> store.sentAt(campaignId, chat.channel(), chat.externalId())
                        .filter(sent -> !at.isBefore(sent)
                                && !at.isAfter(sent.plus(java.time.Duration.ofDays(reward.withinDays()))))
                        .isPresent())
                .findFirst();
    }

    /**
     * The cashback to her primary account in the reward's currency; empty when booked, else why not:
     * {@code no_account} when she has none in that currency, or the ledger's refusal code.
     */
    private Optional<String> cashback(UUID campaignId, CustomerId customer, TransferId id, CampaignReward reward) {
        Optional<AccountId> account =
                directory.primaryAccount(customer, reward.currency().code());
        if (account.isEmpty()) {
            log.info("campaign {}: no reward for {}: no account in {}", campaignId, customer, reward.currency());
            return Optional.of("no_account");
        }
        TransferResult booked = ledger.transfer(NewTransfer.posted(
                id, openRewards(reward.currency()), account.get(), reward.amountMinor(), reward.currency(), CODE));
        if (booked instanceof TransferResult.Rejected rejected) {
            // her account refuses money (closed, frozen): no reward, and the journal goes on
            log.warn("campaign {}: the reward for {} was refused: {}", campaignId, customer, rejected.code());
            return Optional.of(rejected.code().code());
        }
        return Optional.empty();
    }

    /** Her chat hears of her points in her language, once: the message's id is derived from the reward. */
    private void tell(CustomerId customer, ChannelIdentity chat, long credited, UUID messageId) {
        org.socialbank.shared.Language language = directory
                .customer(customer)
                .map(v -> v.customer().language())
                .orElse(org.socialbank.shared.Language.EN);
        events.publishEvent(new CampaignPointsCredited(
                chat.id(), chat.channel(), chat.externalId(), language, credited, messageId));
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
