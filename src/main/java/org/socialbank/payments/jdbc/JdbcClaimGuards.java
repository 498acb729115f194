package org.socialbank.payments.jdbc;

import static org.socialbank.shared.jdbc.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.payments.PaymentId;
import org.socialbank.shared.Network;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What binds a claim to a network account ({@code payment_claim_holders}) and the claim codes that
 * proved nothing, per sender ({@code claim_code_failures}); {@code V20__claim_holders.sql}.
 */
@Repository
public class JdbcClaimGuards {

    /** A holder as stored: the network and the account's id there. */
    public record Holder(Network network, String externalId) {}

    private final JdbcClient jdbc;

    JdbcClaimGuards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertHolder(PaymentId payment, Network network, String externalId, Instant now) {
        jdbc.sql(
                        "INSERT INTO payment_claim_holders (payment_id, network, external_id, resolved_at) VALUES (?, ?, ?, ?)")
                .params(payment.value(), network.wireName(), externalId, utc(now))
                .update();
    }

    public Optional<Holder> holder(PaymentId payment) {
        return jdbc.sql("SELECT network, external_id FROM payment_claim_holders WHERE payment_id = ?")
                .param(payment.value())
                .query((rs, n) ->
                        new Holder(Network.fromWireName(rs.getString(1)).orElseThrow(), rs.getString(2)))
                .optional();
    }

    public void insertFailure(Network channel, String externalId, Instant now) {
        jdbc.sql("INSERT INTO claim_code_failures (id, channel, external_id, failed_at) VALUES (?, ?, ?, ?)")
                .params(UUID.randomUUID(), channel.wireName(), externalId, utc(now))
                .update();
    }

    /** Failures of one sender since a moment, counted up to {@code max} (enough to decide a lockout). */
    public int failuresSince(Network channel, String externalId, Instant since, int max) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM (SELECT id FROM claim_code_failures WHERE channel = ? AND external_id = ? "
                                + "AND failed_at > ? LIMIT ?) recent")
                .params(channel.wireName(), externalId, utc(since), max)
                .query(Integer.class)
                .single();
    }

    /** Deletes at most {@code max} failures older than {@code before}; returns how many. */
    public int deleteFailuresBefore(Instant before, int max) {
        List<UUID> ids = jdbc.sql("SELECT id FROM claim_code_failures WHERE failed_at < ? ORDER BY failed_at LIMIT ?")
                .params(utc(before), max)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
        return ids.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM claim_code_failures WHERE id IN (:ids)")
                        .param("ids", ids)
                        .update();
    }
}
