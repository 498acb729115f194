package org.socialbank.campaigns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.alerts.Alerts;
import org.socialbank.campaigns.jdbc.JdbcCampaigns;
import org.socialbank.consent.Consents;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.ChatLanguages;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Dates;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.shared.TimeOrderedIds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued campaign messages, a bounded, paced round at a time. Each recipient is checked
 * just before its message: consent withdrawn since approval ({@code opted_out}), a public network
 * or an account the bank cannot reach ({@code failed} with the reason), outside the segment
 * ({@code excluded}), reading a language the campaign has no text in ({@code excluded}, {@code
 * no_text}), reached already on another chat of her customer's ({@code excluded}, {@code
 * duplicate_customer}), over the weekly cap ({@code capped}, counted and marked under her cap
 * holder's row lock; a recipient whose holder another round holds stays queued); inside the quiet hours of the
 * recipient's zone (an unlinked chat's: its own language's) it waits until they end. A linked
 * chat's group is drawn from her customer, so all her chats are in one; a control recipient is
 * settled {@code control} when her message would have gone. A round locks each campaign it sends
 * for, so a pause waits for the round and nothing goes after it answers. A sent one is marked {@code sent} in the transaction
 * that writes the message to the outbox: never twice, resumable after a crash.
 */
@Service
public class CampaignSender {

    private static final Logger log = LoggerFactory.getLogger(CampaignSender.class);
    static final Duration WEEK = Duration.ofDays(7);
    /** Campaigns whose audience a round expands a page of. */
    static final int EXPANDING_MAX = 10;
    /** The path of a recipient's tracked link, followed by her token. */
    public static final String LINK_PATH = "/c/";

    private final JdbcCampaigns store;
    private final org.socialbank.campaigns.jdbc.JdbcCapHolders capHolders;
    private final Consents consents;
    private final ChannelIdentities identities;
    private final Directory directory;
    private final Alerts alerts;
    private final CampaignAudience audience;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CampaignsProperties properties;
    private final Paces paces;
    private final CampaignSegments segments;
    private final ObjectProvider<ChatLanguages> chatLanguages;
    /** Where tracked links start: the bank's public address and the click path. */
    private final String links;

    private static final java.security.SecureRandom TOKENS = new java.security.SecureRandom();

    CampaignSender(
            JdbcCampaigns store,
            org.socialbank.campaigns.jdbc.JdbcCapHolders capHolders,
            Consents consents,
            ChannelIdentities identities,
            Directory directory,
            Alerts alerts,
            CampaignAudience audience,
            CampaignSegments segments,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock,
            CampaignsProperties properties,
            org.socialbank.directory.DirectoryProperties directoryProperties,
            ObjectProvider<ChatLanguages> chatLanguages) {
        this.chatLanguages = chatLanguages;
        this.links = directoryProperties.publicBaseUrl().toString().replaceAll("/+$", "") + LINK_PATH;
        this.store = store;
        this.capHolders = capHolders;
        this.consents = consents;
        this.identities = identities;
        this.directory = directory;
        this.alerts = alerts;
        this.audience = audience;
        this.segments = segments;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.properties = properties;
        this.paces = new Paces(properties);
    }

    @Scheduled(
            fixedDelayString = "${socialbank.campaigns.send-interval:5s}",
            initialDelayString = "${socialbank.campaigns.send-interval:5s}")
    void scheduled() {
        try {
            audience.expandRound(EXPANDING_MAX);
            sendRound();
        } catch (RuntimeException e) {
            log.warn("campaigns: this round failed; its recipients stay queued for the next", e);
        }
    }

    /**
     * One round, as many as the paces allow now (the node's, and each network's own: a network out
     * of budget holds back only its recipients); answers how many queued recipients it settled. A
     * recipient settled without a message (control, capped, excluded, held...) uses none of the
     * budget: the round reads more until the budget is sent or {@code round-max} recipients are
     * settled (review 2026-12-07 campaigns follow-up: a control one took a message's place).
     */
    public int sendRound() {
        Paces.Allowance allowed = paces.take(clock.instant(), properties.roundMax());
        if (allowed.total() == 0) {
            return 0;
        }
        Map<Network, Integer> sent = new java.util.EnumMap<>(Network.class);
        try {
            Integer settled = transactions.execute(status -> {
                Instant now = clock.instant();
                Map<UUID, Optional<Campaign>> campaigns = new HashMap<>();
                java.util.SortedSet<UUID> rewarding = new java.util.TreeSet<>();
                java.util.Set<String> read = new java.util.HashSet<>();
                int settledAll = 0;
                Page page;
                int sentBefore;
                do {
                    sentBefore = sum(sent);
                    page = sendPage(now, allowed, sent, properties.roundMax() - settledAll, campaigns, rewarding, read);
                    settledAll += page.settled();
                    // again only when some of the page was settled without a message (a page all sent read
                    // every due one) and all of it was new to this round: a recipient it read again (her
                    // campaign paused since the round chose it) would be read for ever in place of due ones
                } while (page.settled() > sum(sent) - sentBefore
                        && !page.readAgain()
                        && settledAll < properties.roundMax()
                        && sum(sent) < allowed.total());
                // once per campaign and round, at its end and in id order: the campaign rows are held briefly
                rewarding.forEach(id -> store.rewardOpenUntil(
                        id,
                        now.plus(java.time.Duration.ofDays(
                                campaigns.get(id).orElseThrow().reward().withinDays()))));
                return settledAll;
            });
            return settled == null ? 0 : settled;
        } catch (RuntimeException e) {
            sent.clear(); // rolled back: nothing went
            throw e;
        } finally {
            paces.giveBack(allowed, sent);
        }
    }

    /**
     * A page's outcome: how many recipients it settled (sent, or settled without a message; a
     * paused campaign's, left queued, are not), and whether it read one this round had read already.
     */
    private record Page(int settled, boolean readAgain) {}

    /**
     * One page of a round: the due recipients the budget left allows (per network and in all, at
     * most {@code settleMax}), each settled unless her campaign stopped since the round chose it.
     */
    private Page sendPage(
            Instant now,
            Paces.Allowance allowed,
            Map<Network, Integer> sent,
            int settleMax,
            Map<UUID, Optional<Campaign>> campaigns,
            java.util.SortedSet<UUID> rewarding,
            java.util.Set<String> read) {
        Map<Network, Integer> left = new java.util.LinkedHashMap<>();
        allowed.perNetwork().forEach((network, n) -> left.put(network, n - sent.getOrDefault(network, 0)));
        List<JdbcCampaigns.Recipient> page = store.queued(now, left, Math.min(settleMax, allowed.total() - sum(sent)));
        int settled = 0;
        boolean readAgain = false;
        for (JdbcCampaigns.Recipient r : page) {
            readAgain |= !read.add(r.campaignId() + "/" + r.channel().wireName() + "/" + r.externalUserId());
            // locked at its first recipient, in id order: a pause waits for this round, or this round sees it
            Optional<Campaign> c = campaigns.computeIfAbsent(
                    r.campaignId(), id -> store.lockRunning(id) ? store.find(id, false, false) : Optional.empty());
            if (c.isEmpty()) {
                continue; // paused (or gone) since the round chose it: its recipients stay queued, not counted
            }
            Settled outcome = settle(r, now, c.get());
            if (outcome == Settled.NOT_NOW) {
                continue; // her cap holder is another round's: she stays queued for a later round, not counted
            }
            settled++;
            if (outcome == Settled.SENT) {
                sent.merge(r.channel(), 1, Integer::sum);
                c.filter(x -> x.reward() != null && x.reward().referral() == null)
                        .ifPresent(x -> rewarding.add(x.id()));
            }
        }
        return new Page(settled, readAgain);
    }

    private static int sum(Map<Network, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * How a recipient was settled: her message went, or settled without one (control, capped,
     * excluded, held...), or not now (her cap holder's row is another round's; she stays queued).
     */
    private enum Settled {
        SENT,
        WITHOUT_MESSAGE,
        NOT_NOW
    }

    /** Settles one recipient, or leaves her queued when another round holds her cap. */
    private Settled settle(JdbcCampaigns.Recipient queued, Instant now, Campaign c) {
        if (!consents.allowsMarketing(queued.channel(), queued.externalUserId())) {
            store.mark(queued, "opted_out", null, now);
            return Settled.WITHOUT_MESSAGE;
        }
        if (queued.channel() == Network.X) {
            store.mark(queued, "failed", "public_network", now);
            return Settled.WITHOUT_MESSAGE;
        }
        Optional<ChannelIdentity> known = identities.identity(queued.channel(), queued.externalUserId());
        if (known.isPresent() && !known.get().reachable()) {
            store.mark(queued, "blocked", "blocked_the_bank", now); // the bot blocked, the account unsubscribed (3.15)
            return Settled.WITHOUT_MESSAGE;
        }
        if (known.isEmpty()) {
            store.mark(queued, "failed", "unreachable", now);
            return Settled.WITHOUT_MESSAGE;
        }
        ChannelIdentity chat = known.get();
        CustomerId owner = chat.customerId();
        Optional<CustomerView> customer = Optional.ofNullable(owner).flatMap(directory::customer);
        if (outsideSegment(c.rules(), customer, now)) {
            store.mark(queued, "excluded", "segment", now);
            return Settled.WITHOUT_MESSAGE;
        }
        // one group per customer over all her linked chats; an unlinked chat keeps its account's
        JdbcCampaigns.Recipient r = owner == null
                ? queued
                : store.regroup(
                        queued,
                        c.rules()
                                .variantOf(
                                        c.id(),
                                        "customer",
                                        owner.value().toString(),
                                        !c.textsB().isEmpty()));
        Language language = customer.map(v -> v.customer().language())
                .or(() -> chatLanguage(chat))
                .orElse(Language.EN);
        if (!c.hasText(r.variant(), language.tag())) {
            store.mark(r, "excluded", "no_text", now); // never a text in a language she does not read
            return Settled.WITHOUT_MESSAGE;
        }
        ZoneId zone = zone(chat, language);
        if (c.sendAt() != null && now.isBefore(c.sendAt().atZone(zone).toInstant())) {
            store.hold(r, c.sendAt().atZone(zone).toInstant()); // the schedule, in her zone
            return Settled.WITHOUT_MESSAGE;
        }
        Optional<Instant> quietUntil = c.rules().quietUntil(now, zone);
        if (quietUntil.isPresent()) {
            store.hold(r, quietUntil.get());
            return Settled.WITHOUT_MESSAGE;
        }
        return deliver(r, chat, c, language, now);
    }

    /**
     * Sends a due recipient's message, unless her weekly cap is full or the campaign reached her
     * customer on another chat ({@code duplicate_customer}); a control one is settled with her
     * customer and the would-be time instead (its conversions are measured). Answers how she was settled.
     */
    private Settled deliver(
            JdbcCampaigns.Recipient r, ChannelIdentity chat, Campaign c, Language language, Instant now) {
        CustomerId owner = chat.customerId();
        // her cap's row locked until this round commits (review 2026-12-07 campaigns follow-up); when
        // another round holds it, this one does not wait (it holds campaign rows, so two rounds waiting
        // on each other deadlocked) and leaves her queued for a later round (reread 2026-12-08 campaigns)
        if (!capHolders.tryLock(
                owner != null
                        ? org.socialbank.campaigns.jdbc.JdbcCapHolders.customer(owner.value())
                        : org.socialbank.campaigns.jdbc.JdbcCapHolders.chat(r.channel(), r.externalUserId()))) {
            return Settled.NOT_NOW;
        }
        long sentThisWeek = owner != null
                ? store.sentToCustomerSince(owner, now.minus(WEEK)) // all her chats
                : store.sentSince(r.channel(), r.externalUserId(), now.minus(WEEK));
        if (sentThisWeek >= c.rules().weeklyCap()) {
            store.mark(r, "capped", "weekly_cap", now);
            return Settled.WITHOUT_MESSAGE;
        }
        if (owner != null && store.reachedCustomer(r.campaignId(), owner)) {
            store.mark(r, "excluded", "duplicate_customer", now);
            return Settled.WITHOUT_MESSAGE;
        }
        if ("control".equals(r.variant())) {
            store.control(r, owner, now);
            return Settled.WITHOUT_MESSAGE;
        }
        UUID messageId = TimeOrderedIds.next();
        String token = c.tracked() ? linkToken() : null; // her link, and her link buttons' (3.6)
        store.markSent(r, messageId, token, now);
        if (owner != null) {
            store.sentToCustomer(r, owner);
        }
        events.publishEvent(new CampaignMessageDue(
                r.campaignId(),
                chat.id(),
                r.channel(),
                chat.externalId(),
                c.text(r.variant(), language.tag()),
                language,
                messageId,
                token == null || c.link() == null ? null : links + token,
                c.buttonsFor(language.tag(), token == null ? null : links + token)));
        return Settled.SENT;
    }

    /** An unlinked chat's own language, as the conversation module keeps it (absent when it is not running). */
    private Optional<Language> chatLanguage(ChannelIdentity chat) {
        ChatLanguages languages = chatLanguages.getIfAvailable();
        return languages == null ? Optional.empty() : languages.chosen(chat.id());
    }

    /** Outside a narrowed segment; an unlinked account is outside any. Holdings are read only when they narrow. */
    private boolean outsideSegment(CampaignRules rules, Optional<CustomerView> customer, Instant now) {
        if (!rules.segmented()) {
            return false;
        }
        if (customer.isEmpty()) {
            return true;
        }
        org.socialbank.directory.Customer who = customer.get().customer();
        return !rules.inSegment(who.language(), who.kycLevel())
                || rules.holdings().narrows() && !segments.holds(who.id(), rules.holdings(), now);
    }

    /** 128 random bits, URL-safe: a recipient's link cannot be guessed from another's. */
    private static String linkToken() {
        byte[] bytes = new byte[16];
        TOKENS.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The recipient's zone: the customer's own (issue 13; the alert settings read it), else her (chat's) language's. */
    private ZoneId zone(ChannelIdentity chat, Language language) {
        return chat.customer().map(id -> alerts.settings(id).zone()).orElse(Dates.zoneOf(language.locale()));
    }
}
