package org.socialbank.campaigns.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.socialbank.campaigns.Campaign;
import org.socialbank.campaigns.CampaignRules;
import org.socialbank.directory.KycLevel;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code campaigns}, {@code campaign_texts} and {@code campaign_recipients}. */
@Repository
public class JdbcCampaigns {

    /** The states a recipient can be in, as the statistics list them. */
    public static final List<String> STATES =
            List.of("queued", "sent", "failed", "opted_out", "capped", "excluded", "control", "blocked");

    private final JdbcClient jdbc;
    /** For the audience's pages: one batched INSERT per page (JdbcClient has no batch). */
    private final JdbcTemplate batch;

    JdbcCampaigns(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A queued recipient, as the sender takes it. */
    public record Recipient(UUID campaignId, Network channel, String externalUserId, String variant) {}

    public void insert(
            UUID id,
            String name,
            Network channel,
            Map<String, String> texts,
            Map<String, String> textsB,
            CampaignRules rules,
            String createdBy,
            Instant at) {
        jdbc.sql(
                        "INSERT INTO campaigns (id, name, channel, status, created_by, created_at, weekly_cap, quiet_from, quiet_to, "
                                + "control_percent, segment_languages, segment_kyc) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        name,
                        channel == null ? null : channel.wireName(),
                        createdBy,
                        utc(at),
                        rules.weeklyCap(),
                        time(rules.quietFrom()),
                        time(rules.quietTo()),
                        rules.controlPercent(),
                        joined(rules.languages().stream().map(Language::tag)),
                        joined(rules.kycLevels().stream().map(KycLevel::wireName)))
                .update();
        holdings(id, rules.holdings());
        texts.forEach((language, text) -> text(id, "A", language, text));
        textsB.forEach((language, text) -> text(id, "B", language, text));
    }

    private void holdings(UUID id, org.socialbank.campaigns.Holdings h) {
        jdbc.sql("UPDATE campaigns SET segment_products = ?, segment_balance_currency = ?, segment_balance_min = ?, "
                        + "segment_balance_max = ?, segment_active_days = ?, segment_inactive_days = ? WHERE id = ?")
                .params(
                        joined(h.products().stream().map(org.socialbank.ledger.AccountKind::wireName)),
                        h.balanceCurrency() == null ? null : h.balanceCurrency().code(),
                        h.balanceMinMinor(),
                        h.balanceMaxMinor(),
                        h.activeWithinDays(),
                        h.inactiveForDays(),
                        id)
                .update();
    }

    private static org.socialbank.campaigns.Holdings holdings(ResultSet rs) throws SQLException {
        String currency = rs.getString("segment_balance_currency");
        return new org.socialbank.campaigns.Holdings(
                split(rs.getString("segment_products")).stream()
                        .map(w -> org.socialbank.ledger.AccountKind.fromWireName(w)
                                .orElseThrow())
                        .collect(Collectors.toSet()),
                currency == null ? null : org.socialbank.shared.CurrencyCode.of(currency),
                rs.getObject("segment_balance_min", Long.class),
                rs.getObject("segment_balance_max", Long.class),
                rs.getObject("segment_active_days", Integer.class),
                rs.getObject("segment_inactive_days", Integer.class));
    }

    private void text(UUID id, String variant, String language, String text) {
        jdbc.sql("INSERT INTO campaign_texts (campaign_id, variant, language, text) VALUES (?, ?, ?, ?)")
                .params(id, variant, language, text)
                .update();
    }

    /** The campaign with its recipients counted per state, its row locked when {@code lock}. */
    public Optional<Campaign> find(UUID id, boolean lock) {
        return find(id, lock, true);
    }

    /** The campaign, without counting its recipients when {@code counts} is false (the hot paths). */
    public Optional<Campaign> find(UUID id, boolean lock, boolean counts) {
        Optional<Campaign> bare = jdbc.sql("SELECT * FROM campaigns WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id)
                .query((rs, n) -> campaign(id, rs))
                .optional();
        return bare.map(c -> new Campaign(
                c.id(),
                c.name(),
                c.channel(),
                texts(id, "A"),
                texts(id, "B"),
                c.rules(),
                c.status(),
                c.createdBy(),
                c.approvedBy(),
                c.createdAt(),
                counts ? counts(id) : Map.of(),
                c.sendAt(),
                c.link(),
                c.reward(),
                buttons(id)));
    }

    /** The campaign's own buttons (3.6), in their order. */
    private List<org.socialbank.campaigns.CampaignButton> buttons(UUID id) {
        return jdbc.sql("SELECT labels, url, action FROM campaign_buttons WHERE campaign_id = ? ORDER BY position")
                .param(id)
                .query((rs, n) -> new org.socialbank.campaigns.CampaignButton(
                        JdbcButtons.labels(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The campaign's schedule (a local date-time, e.g. {@code 2026-12-03T10:00}) and link, as defined. */
    public void scheduleAndLink(UUID id, java.time.LocalDateTime sendAt, String link) {
        jdbc.sql("UPDATE campaigns SET send_at = ?, link_url = ? WHERE id = ?")
                .params(sendAt == null ? null : sendAt.toString(), link, id)
                .update();
    }

    public void pause(UUID id) {
        jdbc.sql("UPDATE campaigns SET status = 'paused' WHERE id = ?")
                .param(id)
                .update();
    }

    /** Back to expanding when its audience was not all queued yet, else to sending. */
    public void resume(UUID id) {
        jdbc.sql("UPDATE campaigns SET status = CASE WHEN expanded_at IS NULL THEN 'approved' ELSE 'sending' END "
                        + "WHERE id = ?")
                .param(id)
                .update();
    }

    public Optional<String> status(UUID id) {
        return jdbc.sql("SELECT status FROM campaigns WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    public void approve(UUID id, String approvedBy, Instant at) {
        jdbc.sql("UPDATE campaigns SET status = 'approved', approved_by = ?, approved_at = ? WHERE id = ?")
                .params(approvedBy, utc(at), id)
                .update();
    }

    /** Where an approved campaign's expansion is: the network it reads and the last account it queued there. */
    public record Expansion(UUID campaignId, Network channel, String after) {}

    /** An approved campaign whose audience is not all queued, its row locked (one expander per campaign). */
    public Optional<Expansion> lockExpanding(UUID id) {
        return jdbc.sql(
                        "SELECT expand_channel, expand_after FROM campaigns WHERE id = ? AND status = 'approved' FOR UPDATE")
                .param(id)
                .query((rs, n) -> new Expansion(
                        id,
                        rs.getString(1) == null
                                ? null
                                : Network.fromWireName(rs.getString(1)).orElseThrow(),
                        rs.getString(2)))
                .optional();
    }

    /** Approved campaigns still expanding, oldest first. */
    public List<UUID> expanding(int limit) {
        return jdbc.sql("SELECT id FROM campaigns WHERE status = 'approved' ORDER BY approved_at, id LIMIT ?")
                .param(limit)
                .query(UUID.class)
                .list();
    }

    /** Queues a page of recipients in one batch, each with its variant (a linked chat's is drawn again by customer). */
    public void queue(UUID campaignId, Network channel, List<String> users, List<String> variants, Instant at) {
        OffsetDateTime now = utc(at);
        List<Object[]> rows = new java.util.ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            String variant = variants.get(i);
            rows.add(new Object[] {
                campaignId,
                channel.wireName(),
                users.get(i),
                "queued", // a control one is settled by the sender too: its customer and would-be time are kept
                variant,
                now
            });
        }
        batch.batchUpdate(
                "INSERT INTO campaign_recipients (campaign_id, channel, external_user_id, status, variant, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                rows);
    }

    public void moveExpansion(UUID id, Network channel, String after) {
        jdbc.sql("UPDATE campaigns SET expand_channel = ?, expand_after = ? WHERE id = ?")
                .params(channel == null ? null : channel.wireName(), after, id)
                .update();
    }

    public void expanded(UUID id, Instant at) {
        jdbc.sql("UPDATE campaigns SET status = 'sending', expanded_at = ? WHERE id = ?")
                .params(utc(at), id)
                .update();
    }

    /**
     * Due recipients network by network (issue 17, 3.12): at most {@code perNetwork} of each (in that
     * map's order) and {@code total} in all, so a network without budget (0) is skipped and the
     * others still fill the round. Chosen first, locked second (below); the
     * {@code campaign_recipients_due} index is read in order on its (status, campaign, channel) prefix.
     */
    public List<Recipient> queued(Instant now, Map<Network, Integer> perNetwork, int total) {
        // Chosen first, locked second. One query with campaign_id IN (sub-select) ... LIMIT ? FOR UPDATE
        // made H2 read and sort every queued recipient each round (a 1,000,000-recipient campaign sent
        // 15 messages a second instead of 100, bench/campaigns.sh): H2 cannot read the index in order
        // under an IN, nor stop at the limit under FOR UPDATE. So: campaigns in id order (not locked,
        // as before: a paused campaign's recipients wait from the next round); for each, the due
        // recipients of each network read in index order without a lock, up to its limit; then those rows
        // locked by primary key, still queued (a row another node took meanwhile is left out).
        List<UUID> sending = jdbc.sql("SELECT id FROM campaigns WHERE status IN ('approved', 'sending') ORDER BY id")
                .query(UUID.class)
                .list();
        Map<Network, Integer> left = new LinkedHashMap<>(perNetwork);
        List<Recipient> due = new java.util.ArrayList<>();
        for (UUID campaign : sending) {
            for (Map.Entry<Network, Integer> network : left.entrySet()) {
                int limit = Math.min(network.getValue(), total - due.size());
                if (limit <= 0) {
                    continue;
                }
                List<String> users = jdbc.sql(
                                "SELECT external_user_id FROM campaign_recipients WHERE status = 'queued' "
                                        + "AND campaign_id = ? AND channel = ? AND (not_before IS NULL OR not_before <= ?) "
                                        + "ORDER BY status, campaign_id, channel, external_user_id LIMIT ?")
                        .params(campaign, network.getKey().wireName(), utc(now), limit)
                        .query(String.class)
                        .list();
                if (users.isEmpty()) {
                    continue;
                }
                List<Recipient> locked = jdbc.sql(
                                "SELECT campaign_id, channel, external_user_id, variant "
                                        + "FROM campaign_recipients WHERE campaign_id = :campaign AND channel = :channel "
                                        + "AND external_user_id BETWEEN :first AND :last "
                                        + "AND external_user_id IN (:users) AND status = 'queued' ORDER BY external_user_id FOR UPDATE")
                        .param("campaign", campaign)
                        .param("channel", network.getKey().wireName())
                        // chosen in the index's order, so the first and the last bound the key range: H2
                        // otherwise tests the IN list against every recipient of the campaign and channel
                        // (77 % of a 1,000,000-recipient round's time, JFR)
                        .param("first", users.get(0))
                        .param("last", users.get(users.size() - 1))
                        .param("users", users)
                        .query(JdbcCampaigns::recipient)
                        .list();
                due.addAll(locked);
                network.setValue(network.getValue() - locked.size());
            }
        }
        return due;
    }

    /**
     * Whether the campaign still runs, its row locked until the round's transaction ends (review
     * 2026-12-07 campaigns follow-up): a pause waits for the round that holds it, and a round that
     * comes after the pause sees it. H2 has no {@code FOR SHARE}, so {@code FOR UPDATE} on both.
     */
    public boolean lockRunning(UUID id) {
        return jdbc.sql("SELECT status FROM campaigns WHERE id = ? FOR UPDATE")
                .param(id)
                .query(String.class)
                .optional()
                .filter(s -> s.equals("approved") || s.equals("sending"))
                .isPresent();
    }

    /** A queued recipient's group drawn again (a linked chat's, by customer); the recipient as regrouped. */
    public Recipient regroup(Recipient r, String variant) {
        if (variant.equals(r.variant())) {
            return r;
        }
        jdbc.sql("UPDATE campaign_recipients SET variant = ? WHERE campaign_id = ? AND channel = ? "
                        + "AND external_user_id = ? AND status = 'queued'")
                .params(variant, r.campaignId(), r.channel().wireName(), r.externalUserId())
                .update();
        return new Recipient(r.campaignId(), r.channel(), r.externalUserId(), variant);
    }

    /** Whether the campaign went (or, as control, would have gone) to the customer on another chat of hers. */
    public boolean reachedCustomer(UUID campaignId, org.socialbank.directory.CustomerId customer) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM campaign_recipients WHERE customer_id = ? AND status IN ('sent', 'control') "
                                        + "AND campaign_id = ?")
                        .params(customer.value(), campaignId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Settles a control recipient when her message would have gone: her customer (null for an
     * unlinked chat) and that instant are kept, so that her actions count as the control's conversions.
     */
    public void control(Recipient r, org.socialbank.directory.CustomerId customer, Instant at) {
        jdbc.sql("UPDATE campaign_recipients SET status = 'control', customer_id = ?, updated_at = ? "
                        + "WHERE campaign_id = ? AND channel = ? AND external_user_id = ? AND status = 'queued'")
                .params(
                        customer == null ? null : customer.value(),
                        utc(at),
                        r.campaignId(),
                        r.channel().wireName(),
                        r.externalUserId())
                .update();
    }

    private static Recipient recipient(ResultSet rs, int row) throws SQLException {
        return new Recipient(
                rs.getObject(1, UUID.class),
                Network.fromWireName(rs.getString(2)).orElseThrow(),
                rs.getString(3),
                rs.getString(4));
    }

    public void mark(Recipient r, String status, String reason, Instant at) {
        jdbc.sql("UPDATE campaign_recipients SET status = ?, reason = ?, updated_at = ? WHERE campaign_id = ? "
                        + "AND channel = ? AND external_user_id = ? AND status = 'queued'")
                .params(status, reason, utc(at), r.campaignId(), r.channel().wireName(), r.externalUserId())
                .update();
    }

    /**
     * Marks a queued recipient sent with the id its outbox row is written under and her link token
     * (null without a link); false when another round settled her first.
     */
    public boolean markSent(Recipient r, UUID messageId, String linkToken, Instant at) {
        return jdbc.sql(
                                "UPDATE campaign_recipients SET status = 'sent', message_id = ?, link_token = ?, updated_at = ? "
                                        + "WHERE campaign_id = ? AND channel = ? AND external_user_id = ? AND status = 'queued'")
                        .params(
                                messageId,
                                linkToken,
                                utc(at),
                                r.campaignId(),
                                r.channel().wireName(),
                                r.externalUserId())
                        .update()
                == 1;
    }

    /**
     * Moves the end of the campaign's reward window later (never earlier): the last instant a
     * posting can still earn its reward (a message sent, a new customer recorded, plus the
     * reward's days). The reward follower reads only campaigns whose window has not ended.
     */
    public void rewardOpenUntil(UUID campaignId, Instant until) {
        jdbc.sql("UPDATE campaigns SET reward_until = ? WHERE id = ? AND reward_action IS NOT NULL "
                        + "AND (reward_until IS NULL OR reward_until < ?)")
                .params(utc(until), campaignId, utc(until))
                .update();
    }

    /** Records what the platform said of a message, unless a further state is known; false when nothing changed. */
    /** The chat account a campaign message went to, by its outbox row's id. */
    /** A recipient's link token and her campaign's target link, either null. */
    public record Links(String token, String target) {}

    /** The links of the recipient whose message is the outbox row {@code messageId}. */
    public Optional<Links> links(UUID messageId) {
        return jdbc.sql(
                        "SELECT r.link_token, c.link_url FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id "
                                + "WHERE r.message_id = ?")
                .param(messageId)
                .query((rs, n) -> new Links(rs.getString(1), rs.getString(2)))
                .optional();
    }

    public Optional<Recipient> byMessage(UUID messageId) {
        return jdbc.sql(
                        "SELECT campaign_id, channel, external_user_id, variant FROM campaign_recipients WHERE message_id = ?")
                .param(messageId)
                .query((rs, n) -> new Recipient(
                        rs.getObject(1, UUID.class),
                        Network.fromWireName(rs.getString(2)).orElseThrow(),
                        rs.getString(3),
                        rs.getString(4)))
                .optional();
    }

    public boolean reported(UUID messageId, String state, int rank, String reason) {
        return jdbc.sql("UPDATE campaign_recipients SET delivery = ?, delivery_reason = ? WHERE message_id = ? AND "
                                + "(delivery IS NULL OR CASE delivery WHEN 'accepted' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 "
                                + "ELSE 4 END < ?)")
                        .params(
                                state,
                                reason == null || reason.length() <= 200 ? reason : reason.substring(0, 200),
                                messageId,
                                rank)
                        .update()
                == 1;
    }

    /** Counts a press on a tracked link; the campaign's link, or empty for an unknown token. */
    public Optional<String> click(String token, Instant at) {
        int counted = jdbc.sql("UPDATE campaign_recipients SET clicks = clicks + 1, first_click_at = "
                        + "COALESCE(first_click_at, ?) WHERE link_token = ? AND EXISTS (SELECT 1 FROM campaigns c WHERE "
                        + "c.id = campaign_id AND c.link_url IS NOT NULL)") // a token made for buttons only opens them
                .params(utc(at), token)
                .update();
        if (counted == 0) {
            return Optional.empty();
        }
        // a referral campaign's page learns whose link brought the new customer (?ref=<token>)
        return jdbc.sql("SELECT c.link_url, c.reward_referral FROM campaigns c JOIN campaign_recipients r ON "
                        + "r.campaign_id = c.id WHERE r.link_token = ?")
                .param(token)
                .query((rs, n) -> rs.getBoolean(2)
                        ? rs.getString(1) + (rs.getString(1).contains("?") ? "&" : "?") + "ref=" + token
                        : rs.getString(1))
                .optional();
    }

    /** What the platforms said of the messages sent, per variant: {@code {"A": {"delivered": 3, ...}}}. */
    public Map<String, Map<String, Long>> deliveries(UUID id) {
        Map<String, Map<String, Long>> deliveries = new java.util.TreeMap<>();
        jdbc.sql(
                        "SELECT variant, COALESCE(delivery, 'pending'), COUNT(*) FROM campaign_recipients WHERE campaign_id = ? "
                                + "AND status = 'sent' GROUP BY variant, COALESCE(delivery, 'pending')")
                .param(id)
                .query((rs, n) -> deliveries
                        .computeIfAbsent(rs.getString(1), v -> new java.util.TreeMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        return deliveries;
    }

    /** Per variant: recipients who pressed the link at least once, and presses in all. */
    public Map<String, Map<String, Long>> clicks(UUID id) {
        Map<String, Map<String, Long>> clicks = new java.util.TreeMap<>();
        jdbc.sql("SELECT variant, COUNT(*), SUM(clicks) FROM campaign_recipients WHERE campaign_id = ? AND clicks > 0 "
                        + "GROUP BY variant")
                .param(id)
                .query((rs, n) ->
                        clicks.put(rs.getString(1), Map.of("recipients", rs.getLong(2), "clicks", rs.getLong(3))))
                .list();
        return clicks;
    }

    /**
     * Counts an action of a customer as a conversion of the latest campaign sent to her (or that
     * would have been, in its control group) in the {@code window} before {@code at}, once per
     * campaign, customer and action; false when no campaign reached her then or it was counted already.
     */
    public boolean convert(
            org.socialbank.directory.CustomerId customer,
            String action,
            String reference,
            Instant at,
            java.time.Duration window) {
        Optional<Recipient> latest = jdbc.sql("SELECT campaign_id, channel, external_user_id, variant FROM "
                        + "campaign_recipients WHERE customer_id = ? AND status IN ('sent', 'control') AND updated_at > ? "
                        + "AND updated_at <= ? "
                        + "ORDER BY updated_at DESC, campaign_id LIMIT 1")
                .params(customer.value(), utc(at.minus(window)), utc(at))
                .query((rs, n) -> new Recipient(
                        rs.getObject(1, UUID.class),
                        Network.fromWireName(rs.getString(2)).orElseThrow(),
                        rs.getString(3),
                        rs.getString(4)))
                .optional();
        return latest.filter(
                        r -> jdbc.sql("INSERT INTO campaign_conversions (campaign_id, customer_id, action, variant, "
                                                + "reference, converted_at) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM campaign_conversions "
                                                + "WHERE campaign_id = ? AND customer_id = ? AND action = ?)")
                                        .params(
                                                r.campaignId(),
                                                customer.value(),
                                                action,
                                                r.variant(),
                                                reference,
                                                utc(at),
                                                r.campaignId(),
                                                customer.value(),
                                                action)
                                        .update()
                                == 1)
                .isPresent();
    }

    /** Conversions per variant and action: {@code {"A": {"application:loan": 3}}}. */
    public Map<String, Map<String, Long>> conversions(UUID id) {
        Map<String, Map<String, Long>> conversions = new java.util.TreeMap<>();
        jdbc.sql(
                        "SELECT variant, action, COUNT(*) FROM campaign_conversions WHERE campaign_id = ? GROUP BY variant, action")
                .param(id)
                .query((rs, n) -> conversions
                        .computeIfAbsent(rs.getString(1), v -> new java.util.TreeMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        return conversions;
    }

    /** Holds a queued recipient until {@code until} (the end of her quiet hours). */
    public void hold(Recipient r, Instant until) {
        jdbc.sql("UPDATE campaign_recipients SET not_before = ? WHERE campaign_id = ? AND channel = ? "
                        + "AND external_user_id = ? AND status = 'queued'")
                .params(utc(until), r.campaignId(), r.channel().wireName(), r.externalUserId())
                .update();
    }

    /**
     * Marketing messages sent to one customer since {@code since}, over every campaign and every
     * chat of hers (the weekly cap, issue 17 3.9).
     */
    public long sentToCustomerSince(org.socialbank.directory.CustomerId customer, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_recipients WHERE customer_id = ? AND status = 'sent' "
                        + "AND updated_at > ?")
                .params(customer.value(), utc(since))
                .query(Long.class)
                .single();
    }

    /** Marks the customer a sent recipient's message went to (her weekly cap counts it). */
    public void sentToCustomer(Recipient r, org.socialbank.directory.CustomerId customer) {
        jdbc.sql("UPDATE campaign_recipients SET customer_id = ? WHERE campaign_id = ? AND channel = ? "
                        + "AND external_user_id = ?")
                .params(customer.value(), r.campaignId(), r.channel().wireName(), r.externalUserId())
                .update();
    }

    /** Marketing messages sent to one chat account since {@code since}, over every campaign (the weekly cap). */
    public long sentSince(Network channel, String externalUserId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_recipients WHERE channel = ? AND external_user_id = ? "
                        + "AND status = 'sent' AND updated_at > ?")
                .params(channel.wireName(), externalUserId, utc(since))
                .query(Long.class)
                .single();
    }

    /** Recipients per variant and state: {@code {"A": {"sent": 10, ...}, "B": ..., "control": ...}}. */
    public Map<String, Map<String, Long>> stats(UUID id) {
        Map<String, Map<String, Long>> stats = new java.util.TreeMap<>();
        jdbc.sql(
                        "SELECT variant, status, COUNT(*) FROM campaign_recipients WHERE campaign_id = ? GROUP BY variant, status")
                .param(id)
                .query((rs, n) ->
                        stats.computeIfAbsent(rs.getString(1), v -> zeros()).put(rs.getString(2), rs.getLong(3)))
                .list();
        return stats;
    }

    /** Why recipients failed or were left out, per variant: {@code {"A": {"unreachable": 3}}}. */
    public Map<String, Map<String, Long>> reasons(UUID id) {
        Map<String, Map<String, Long>> reasons = new java.util.TreeMap<>();
        jdbc.sql(
                        "SELECT variant, reason, COUNT(*) FROM campaign_recipients WHERE campaign_id = ? AND reason IS NOT NULL "
                                + "GROUP BY variant, reason")
                .param(id)
                .query((rs, n) -> reasons.computeIfAbsent(rs.getString(1), v -> new java.util.TreeMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        return reasons;
    }

    private Map<String, String> texts(UUID id, String variant) {
        Map<String, String> texts = new LinkedHashMap<>();
        jdbc.sql("SELECT language, text FROM campaign_texts WHERE campaign_id = ? AND variant = ? ORDER BY language")
                .params(id, variant)
                .query((rs, n) -> texts.put(rs.getString(1), rs.getString(2)))
                .list();
        return texts;
    }

    private Map<String, Long> counts(UUID id) {
        Map<String, Long> counts = zeros();
        jdbc.sql("SELECT status, COUNT(*) FROM campaign_recipients WHERE campaign_id = ? GROUP BY status")
                .param(id)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    private static Map<String, Long> zeros() {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATES.forEach(s -> counts.put(s, 0L));
        return counts;
    }

    private static Campaign campaign(UUID id, ResultSet rs) throws SQLException {
        String from = rs.getString("quiet_from");
        String to = rs.getString("quiet_to");
        Set<Language> languages = split(rs.getString("segment_languages")).stream()
                .map(t -> Language.fromTag(t).orElseThrow())
                .collect(Collectors.toSet());
        Set<KycLevel> kyc = split(rs.getString("segment_kyc")).stream()
                .map(w -> KycLevel.valueOf(w.toUpperCase(java.util.Locale.ROOT)))
                .collect(Collectors.toSet());
        CampaignRules rules = new CampaignRules(
                rs.getInt("weekly_cap"),
                from == null ? null : LocalTime.parse(from),
                to == null ? null : LocalTime.parse(to),
                languages,
                kyc,
                rs.getInt("control_percent"),
                holdings(rs));
        return new Campaign(
                id,
                rs.getString("name"),
                rs.getString("channel") == null
                        ? null
                        : Network.fromWireName(rs.getString("channel")).orElseThrow(),
                Map.of(),
                Map.of(),
                rules,
                rs.getString("status"),
                rs.getString("created_by"),
                rs.getString("approved_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Map.of(),
                rs.getString("send_at") == null ? null : java.time.LocalDateTime.parse(rs.getString("send_at")),
                rs.getString("link_url"),
                reward(rs),
                List.of()); // the buttons: read by find
    }

    static org.socialbank.campaigns.CampaignReward reward(ResultSet rs) throws SQLException {
        String action = rs.getString("reward_action");
        return action == null
                ? null
                : new org.socialbank.campaigns.CampaignReward(
                        action,
                        rs.getLong("reward_amount_minor"),
                        org.socialbank.shared.CurrencyCode.of(rs.getString("reward_currency")),
                        rs.getInt("reward_days"),
                        rs.getBoolean("reward_referral")
                                ? new org.socialbank.campaigns.CampaignReward.Referral(
                                        rs.getBoolean("reward_referee"), rs.getInt("referrals_max"))
                                : null);
    }

    public void reward(UUID id, org.socialbank.campaigns.CampaignReward reward) {
        jdbc.sql(
                        "UPDATE campaigns SET reward_action = ?, reward_amount_minor = ?, reward_currency = ?, reward_days = ?, "
                                + "reward_referral = ?, reward_referee = ?, referrals_max = ? WHERE id = ?")
                .params(
                        reward.action(),
                        reward.amountMinor(),
                        reward.currency().code(),
                        reward.withinDays(),
                        reward.referral() != null,
                        reward.referral() != null && reward.referral().refereeToo(),
                        reward.referral() == null ? null : reward.referral().perReferrerMax(),
                        id)
                .update();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static String joined(java.util.stream.Stream<String> values) {
        String joined = values.sorted().collect(Collectors.joining(","));
        return joined.isEmpty() ? null : joined;
    }

    private static String time(LocalTime t) {
        return t == null ? null : t.toString().substring(0, 5);
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
