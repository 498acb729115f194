package org.socialbank.campaigns.jdbc;

import static org.socialbank.campaigns.jdbc.JdbcCampaigns.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.shared.Network;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaign rewards: the journal follower's cursor, the offers, and {@code campaign_rewards}. */
@Repository
public class JdbcRewards {

    private final JdbcClient jdbc;

    JdbcRewards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A campaign whose reward can still be earned. */
    public record Offer(UUID campaignId, org.socialbank.campaigns.CampaignReward reward) {}

    /** The reward follower's place in the journal, its row locked: one node follows at a time. */
    public long lockRewardCursor() {
        return jdbc.sql("SELECT last_sequence FROM campaign_reward_cursor WHERE id = 1 FOR UPDATE")
                .query(Long.class)
                .single();
    }

    public void moveRewardCursor(long sequence) {
        jdbc.sql("UPDATE campaign_reward_cursor SET last_sequence = ? WHERE id = 1")
                .param(sequence)
                .update();
    }

    /**
     * Campaigns rewarding one of {@code actions} whose reward window has not ended before
     * {@code from}, at most {@code limit} by id after {@code after} (null: from the first). However
     * many there are, a caller pages through them all; a campaign whose window ended is never read
     * again (the index on the action and the window's end).
     */
    public List<Offer> offers(java.util.Collection<String> actions, Instant from, UUID after, int limit) {
        JdbcClient.StatementSpec query = jdbc.sql(
                        "SELECT * FROM campaigns WHERE reward_action IN (:actions) AND reward_until >= :from"
                                + (after == null ? "" : " AND id > :after")
                                + " ORDER BY id LIMIT :limit")
                .param("actions", actions)
                .param("from", utc(from))
                .param("limit", limit);
        return (after == null ? query : query.param("after", after))
                .query((rs, n) -> new Offer(rs.getObject("id", UUID.class), JdbcCampaigns.reward(rs)))
                .list();
    }

    /** When the campaign's message was handed out to one chat account, if it was. */
    public Optional<Instant> sentAt(UUID campaignId, Network channel, String externalUserId) {
        return jdbc.sql("SELECT updated_at FROM campaign_recipients WHERE campaign_id = ? AND channel = ? "
                        + "AND external_user_id = ? AND status = 'sent'")
                .params(campaignId, channel.wireName(), externalUserId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    public boolean rewarded(UUID campaignId, UUID customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_rewards WHERE campaign_id = ? AND customer_id = ?")
                        .params(campaignId, customerId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * A recipient's reward, booked or (with {@code refusedReason}) refused by the ledger: either way
     * it is written once, so no replay books it again; a refused one is not counted a reward.
     */
    public void insertReward(
            UUID campaignId,
            UUID customerId,
            UUID transferId,
            UUID sourceTransferId,
            org.socialbank.campaigns.CampaignReward reward,
            Instant at,
            String refusedReason) {
        jdbc.sql(
                        "INSERT INTO campaign_rewards (campaign_id, customer_id, transfer_id, source_transfer_id, amount_minor, "
                                + "currency, rewarded_at, refused_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        campaignId,
                        customerId,
                        transferId,
                        sourceTransferId,
                        reward.amountMinor(),
                        reward.currency().code(),
                        utc(at),
                        JdbcReferrals.reason(refusedReason))
                .update();
    }

    /** Rewards granted by the campaign (not refused): to its recipients, and for the new customers they brought. */
    public long rewards(UUID campaignId) {
        return jdbc.sql(
                        "SELECT (SELECT COUNT(*) FROM campaign_rewards WHERE campaign_id = ? AND refused_reason IS NULL) "
                                + "+ (SELECT COUNT(*) FROM "
                                + "campaign_referrals WHERE campaign_id = ? AND rewarded_at IS NOT NULL "
                                + "AND refused_reason IS NULL)")
                .params(campaignId, campaignId)
                .query(Long.class)
                .single();
    }
}
