package org.socialbank.campaigns.jdbc;

import static org.socialbank.campaigns.jdbc.JdbcCampaigns.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referral rewards (issue 17 3.17): who brought whom, once per new customer and per phone. */
@Repository
public class JdbcReferrals {

    private final JdbcClient jdbc;

    JdbcReferrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer whose message carried this tracked token, and when it was sent. */
    public record Referrer(UUID customerId, Instant sentAt) {}

    /** A recorded referral. */
    public record Referral(UUID campaignId, UUID referrerId, UUID refereeId, Instant recordedAt, Instant rewardedAt) {}

    /** The referrer a token names in a campaign: a recipient sent the message, linked to a customer. */
    public Optional<Referrer> referrer(UUID campaignId, String token) {
        return jdbc.sql(
                        "SELECT customer_id, updated_at FROM campaign_recipients WHERE campaign_id = ? AND link_token = ? "
                                + "AND status = 'sent' AND customer_id IS NOT NULL")
                .params(campaignId, token)
                .query((rs, n) -> new Referrer(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** The referral that brought this customer, in any campaign. */
    public Optional<Referral> ofReferee(UUID refereeId) {
        return jdbc.sql("SELECT * FROM campaign_referrals WHERE referee_customer_id = ?")
                .param(refereeId)
                .query((rs, n) -> new Referral(
                        rs.getObject("campaign_id", UUID.class),
                        rs.getObject("referrer_customer_id", UUID.class),
                        rs.getObject("referee_customer_id", UUID.class),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("rewarded_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null)))
                .optional();
    }

    public boolean phoneReferred(String phone) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_referrals WHERE referee_phone = ?")
                        .param(phone)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** New customers recorded for this referrer in the campaign. */
    public long count(UUID campaignId, UUID referrerId) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_referrals WHERE campaign_id = ? AND referrer_customer_id = ?")
                .params(campaignId, referrerId)
                .query(Long.class)
                .single();
    }

    public void insert(UUID campaignId, UUID referrerId, UUID refereeId, String refereePhone, Instant at) {
        jdbc.sql(
                        "INSERT INTO campaign_referrals (campaign_id, referrer_customer_id, referee_customer_id, referee_phone, "
                                + "recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(campaignId, referrerId, refereeId, refereePhone, utc(at))
                .update();
    }

    /**
     * Marks the referral rewarded by this posting; false when it already was (the follower's row
     * lock makes that impossible, the condition keeps it so).
     */
    public boolean rewarded(UUID campaignId, UUID refereeId, UUID sourceTransferId, Instant at) {
        return jdbc.sql("UPDATE campaign_referrals SET rewarded_at = ?, source_transfer_id = ? WHERE campaign_id = ? "
                                + "AND referee_customer_id = ? AND rewarded_at IS NULL")
                        .params(utc(at), sourceTransferId, campaignId, refereeId)
                        .update()
                == 1;
    }

    /**
     * The referral's reward to its referrer was refused by the ledger (review 2026-12-07 campaigns
     * follow-up): it stays stamped (no replay books it), and is counted refused with the reason.
     */
    public void refused(UUID campaignId, UUID refereeId, String reason) {
        jdbc.sql("UPDATE campaign_referrals SET refused_reason = ? WHERE campaign_id = ? AND referee_customer_id = ? "
                        + "AND refused_reason IS NULL")
                .params(reason(reason), campaignId, refereeId)
                .update();
    }

    /**
     * The referral's reward to its new customer (the campaign's {@code refereeToo}) was refused by
     * the ledger (review 2026-12-07 campaigns follow-up): counted refused with the reason.
     */
    public void refereeRefused(UUID campaignId, UUID refereeId, String reason) {
        jdbc.sql("UPDATE campaign_referrals SET referee_refused_reason = ? WHERE campaign_id = ? "
                        + "AND referee_customer_id = ? AND referee_refused_reason IS NULL")
                .params(reason(reason), campaignId, refereeId)
                .update();
    }

    /** A refusal's reason as its column keeps it (32 characters). */
    static String reason(String reason) {
        return reason == null || reason.length() <= 32 ? reason : reason.substring(0, 32);
    }

    /**
     * The campaign's cashbacks the ledger refused, per reason: {@code {"no_account": 2}}. A referral's
     * to its referrer and to its new customer, and a recipient's, each count one.
     */
    public java.util.Map<String, Long> refused(UUID campaignId) {
        java.util.Map<String, Long> refused = new java.util.TreeMap<>();
        jdbc.sql("SELECT reason, COUNT(*) FROM (SELECT refused_reason AS reason FROM campaign_referrals "
                        + "WHERE campaign_id = ? AND refused_reason IS NOT NULL UNION ALL SELECT referee_refused_reason "
                        + "FROM campaign_referrals WHERE campaign_id = ? AND referee_refused_reason IS NOT NULL "
                        + "UNION ALL SELECT refused_reason FROM campaign_rewards WHERE campaign_id = ? "
                        + "AND refused_reason IS NOT NULL) refusals GROUP BY reason")
                .params(campaignId, campaignId, campaignId)
                .query((rs, n) -> refused.put(rs.getString(1), rs.getLong(2)))
                .list();
        return refused;
    }

    /** Referrals the campaign rewarded (their referrer's reward booked, not refused). */
    public long rewards(UUID campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_referrals WHERE campaign_id = ? AND rewarded_at IS NOT NULL "
                        + "AND refused_reason IS NULL")
                .param(campaignId)
                .query(Long.class)
                .single();
    }

    /** Referrals the campaign recorded. */
    public long recorded(UUID campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_referrals WHERE campaign_id = ?")
                .param(campaignId)
                .query(Long.class)
                .single();
    }
}
