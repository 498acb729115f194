package org.socialbank.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Applications, their form tokens (hashed) and their status. */
@Repository
class JdbcApplications {

    private static final String COLUMNS = "id, customer_id, product, status, currency, amount_minor, term_months, "
            + "income_minor, purpose, reason, channel, created_at, updated_at";

    private final JdbcClient jdbc;

    JdbcApplications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Application application(ResultSet rs, int n) throws SQLException {
        return new Application(
                new ApplicationId(rs.getObject("id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                Product.fromWireName(rs.getString("product")).orElseThrow(),
                ApplicationStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                CurrencyCode.of(rs.getString("currency").trim()),
                rs.getObject("amount_minor", Long.class),
                rs.getObject("term_months", Integer.class),
                rs.getObject("income_minor", Long.class),
                rs.getString("purpose"),
                rs.getString("reason"),
                rs.getString("channel"),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"));
    }

    Optional<Application> find(ApplicationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM applications WHERE id = ?")
                .param(id.value())
                .query(JdbcApplications::application)
                .optional();
    }

    Optional<Application> lock(ApplicationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM applications WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(JdbcApplications::application)
                .optional();
    }

    /** The application a live form token opens, locked; empty when the token is unknown or expired. */
    Optional<Application> lockByToken(String tokenHash, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM applications WHERE token_hash = ? AND token_expires_at > ? "
                        + "FOR UPDATE")
                .params(tokenHash, Timestamps.utc(now))
                .query(JdbcApplications::application)
                .optional();
    }

    Optional<Application> byToken(String tokenHash, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM applications WHERE token_hash = ? AND token_expires_at > ?")
                .params(tokenHash, Timestamps.utc(now))
                .query(JdbcApplications::application)
                .optional();
    }

    /** The customer's application of this product still waiting for its form (or more information), newest first. */
    Optional<Application> started(CustomerId customer, Product product) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM applications WHERE customer_id = ? AND product = ? "
                        + "AND status IN ('started', 'more_info') ORDER BY created_at DESC, id LIMIT 1 FOR UPDATE")
                .params(customer.value(), product.wireName())
                .query(JdbcApplications::application)
                .optional();
    }

    List<Application> ofCustomer(CustomerId customer, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM applications WHERE customer_id = ? "
                        + "ORDER BY created_at DESC, id LIMIT ?")
                .params(customer.value(), limit)
                .query(JdbcApplications::application)
                .list();
    }

    List<Application> withStatus(ApplicationStatus status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM applications WHERE status = ? ORDER BY updated_at, id LIMIT ?")
                .params(status.wireName(), limit)
                .query(JdbcApplications::application)
                .list();
    }

    void insert(Application a, String tokenHash, Instant tokenExpiresAt) {
        jdbc.sql("INSERT INTO applications (id, customer_id, product, status, currency, channel, token_hash, "
                        + "token_expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id().value(),
                        a.customerId().value(),
                        a.product().wireName(),
                        a.status().wireName(),
                        a.currency().code(),
                        a.channel(),
                        tokenHash,
                        Timestamps.utc(tokenExpiresAt),
                        Timestamps.utc(a.createdAt()),
                        Timestamps.utc(a.updatedAt()))
                .update();
    }

    void newToken(ApplicationId id, String tokenHash, Instant expiresAt) {
        jdbc.sql("UPDATE applications SET token_hash = ?, token_expires_at = ? WHERE id = ?")
                .params(tokenHash, Timestamps.utc(expiresAt), id.value())
                .update();
    }

    /** The form's answers; the token is spent. */
    void submit(Application a) {
        jdbc.sql(
                        "UPDATE applications SET status = ?, amount_minor = ?, term_months = ?, income_minor = ?, purpose = ?, "
                                + "reason = ?, token_hash = NULL, token_expires_at = NULL, updated_at = ? WHERE id = ?")
                .params(
                        a.status().wireName(),
                        a.amountMinor(),
                        a.termMonths(),
                        a.incomeMinor(),
                        a.purpose(),
                        a.reason(),
                        Timestamps.utc(a.updatedAt()),
                        a.id().value())
                .update();
    }

    /** The form's answers, not signed yet: the status and the link stay as they are. */
    void keepAnswers(Application a) {
        jdbc.sql(
                        "UPDATE applications SET amount_minor = ?, term_months = ?, income_minor = ?, purpose = ? WHERE id = ?")
                .params(a.amountMinor(), a.termMonths(), a.incomeMinor(), a.purpose(), a.id().value())
                .update();
    }

    void setStatus(Application a) {
        jdbc.sql("UPDATE applications SET status = ?, reason = ?, updated_at = ? WHERE id = ?")
                .params(a.status().wireName(), a.reason(), Timestamps.utc(a.updatedAt()), a.id().value())
                .update();
    }

    /**
     * Applications waiting on her (her form or her answer) whose status has not changed since {@code
     * before} and whose last link has expired by {@code now}, oldest first.
     */
    /** A stale application as the expiry reads it: its place in the order and its link's expiry. */
    record Stale(ApplicationId id, Instant updatedAt, Instant linkExpiresAt) {}

    /**
     * Stale applications after {@code after} in (updated_at, id) order (from the first when null), so
     * one that could not be expired does not hold the next pages back.
     */
    List<Stale> stale(Instant before, Instant now, Stale after, int limit) {
        String page = after == null ? "" : "AND (updated_at > ? OR (updated_at = ? AND id > ?)) ";
        var sql = jdbc.sql("SELECT id, updated_at, token_expires_at FROM applications "
                        + "WHERE status IN ('started', 'more_info') AND updated_at <= ? "
                        + "AND (token_expires_at IS NULL OR token_expires_at <= ?) " + page
                        + "ORDER BY updated_at, id LIMIT ?")
                .param(Timestamps.utc(before))
                .param(Timestamps.utc(now));
        if (after != null) {
            sql = sql.param(Timestamps.utc(after.updatedAt()))
                    .param(Timestamps.utc(after.updatedAt()))
                    .param(after.id().value());
        }
        return sql.param(limit)
                .query((rs, n) -> new Stale(
                        new ApplicationId(rs.getObject(1, UUID.class)),
                        Timestamps.instant(rs, "updated_at"),
                        Timestamps.instant(rs, "token_expires_at")))
                .list();
    }

    /** When the application's last link expires (empty: it has none); read under its row lock. */
    Optional<Instant> linkExpiresAt(ApplicationId id) {
        return jdbc.sql("SELECT token_expires_at FROM applications WHERE id = ?")
                .param(id.value())
                .query((rs, n) -> Optional.ofNullable(Timestamps.instant(rs, "token_expires_at")))
                .single();
    }

    /**
     * Expires an application, only from the status it was read in and while it is still stale (the
     * same condition as {@link #stale}); the link is spent. False when it changed meanwhile.
     */
    boolean expire(Application a, Instant before, Instant now) {
        return jdbc.sql("UPDATE applications SET status = 'expired', token_hash = NULL, token_expires_at = NULL, "
                                + "updated_at = ? WHERE id = ? AND status = ? AND updated_at <= ? "
                                + "AND (token_expires_at IS NULL OR token_expires_at <= ?)")
                        .params(
                                Timestamps.utc(now),
                                a.id().value(),
                                a.status().wireName(),
                                Timestamps.utc(before),
                                Timestamps.utc(now))
                        .update()
                == 1;
    }

    void setCard(ApplicationId id, UUID cardId) {
        jdbc.sql("UPDATE applications SET card_id = ? WHERE id = ?")
                .params(cardId, id.value())
                .update();
    }

    void assess(ApplicationId id, String decision, String reasons) {
        jdbc.sql("UPDATE applications SET assessment = ?, assessment_reasons = ? WHERE id = ?")
                .params(decision, reasons, id.value())
                .update();
    }

    Optional<Underwriting.Verdict> assessment(ApplicationId id) {
        return jdbc.sql(
                        "SELECT assessment, assessment_reasons FROM applications WHERE id = ? AND assessment IS NOT NULL")
                .param(id.value())
                .query((rs, n) -> new Underwriting.Verdict(
                        Underwriting.Decision.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
                        rs.getString(2) == null || rs.getString(2).isEmpty()
                                ? List.of()
                                : List.of(rs.getString(2).split(","))))
                .optional();
    }

    /** Records an approval not fulfilled (state, reason, next retry or null). The caller holds the row. */
    void unfulfilled(ApplicationId id, String state, String reason, Instant retryAt) {
        jdbc.sql("UPDATE applications SET fulfilment = ?, fulfilment_reason = ?, fulfilment_retry_at = ? WHERE id = ?")
                .params(state, reason, retryAt == null ? null : Timestamps.utc(retryAt), id.value())
                .update();
    }

    /**
     * Whether this reason is told for the first time for this approval, and records that it is:
     * each reason once per approval, however the reasons alternate. The caller holds the row.
     */
    boolean firstNotice(ApplicationId id, String reason, Instant now) {
        boolean told =
                jdbc.sql("SELECT COUNT(*) FROM application_fulfilment_notices WHERE application_id = ? AND reason = ?")
                                .params(id.value(), reason)
                                .query(Long.class)
                                .single()
                        > 0;
        if (!told) {
            jdbc.sql("INSERT INTO application_fulfilment_notices (application_id, reason, told_at) VALUES (?, ?, ?)")
                    .params(id.value(), reason, Timestamps.utc(now))
                    .update();
        }
        return !told;
    }

    void fulfilled(ApplicationId id) {
        jdbc.sql("UPDATE applications SET fulfilment = NULL, fulfilment_reason = NULL, fulfilment_retry_at = NULL "
                        + "WHERE id = ? AND fulfilment IS NOT NULL")
                .param(id.value())
                .update();
    }

    /** An application the janitor tries again, and the retry time it was read with (its claim's condition). */
    record Due(ApplicationId id, java.time.OffsetDateTime retryAt) {}

    List<Due> due(Instant now, int limit) {
        return jdbc.sql("SELECT id, fulfilment_retry_at FROM applications WHERE fulfilment IN ('not_paid_out', "
                        + "'not_issued') AND fulfilment_retry_at <= ? ORDER BY fulfilment_retry_at, id LIMIT ?")
                .params(Timestamps.utc(now), limit)
                .query((rs, n) -> new Due(
                        new ApplicationId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, java.time.OffsetDateTime.class)))
                .list();
    }

    /**
     * Claims a retry: moves it to {@code next} only while it is still the one read; false when
     * another node claimed it first or it was settled meanwhile (the row stays held until commit).
     */
    boolean claim(Due due, Instant next) {
        return jdbc.sql("UPDATE applications SET fulfilment_retry_at = ? WHERE id = ? AND fulfilment_retry_at = ?")
                        .params(Timestamps.utc(next), due.id().value(), due.retryAt())
                        .update()
                == 1;
    }

    /**
     * Approved applications not paid out or not issued, oldest change first, after the given place
     * (keyset: updated_at, id; null for the first page).
     */
    List<Fulfilments.Unfulfilled> unfulfilled(int limit, Fulfilments.UnfulfilledAfter after) {
        String select = "SELECT " + COLUMNS + ", fulfilment, fulfilment_reason, fulfilment_retry_at FROM applications "
                + "WHERE fulfilment IN ('not_paid_out', 'not_issued')";
        JdbcClient.StatementSpec sql = after == null
                ? jdbc.sql(select + " ORDER BY updated_at, id LIMIT ?").param(limit)
                : jdbc.sql(
                                select
                                        + " AND (updated_at > ? OR (updated_at = ? AND id > ?)) ORDER BY updated_at, id LIMIT ?")
                        .params(
                                Timestamps.utc(after.updatedAt()),
                                Timestamps.utc(after.updatedAt()),
                                after.id().value(),
                                limit);
        return sql.query(JdbcApplications::unfulfilled).list();
    }

    /** The application's record of an approval not fulfilled; empty when nothing is outstanding. */
    Optional<Fulfilments.Unfulfilled> unfulfilledOf(ApplicationId id) {
        return jdbc.sql("SELECT " + COLUMNS + ", fulfilment, fulfilment_reason, fulfilment_retry_at FROM applications "
                        + "WHERE id = ? AND fulfilment IN ('not_paid_out', 'not_issued')")
                .param(id.value())
                .query(JdbcApplications::unfulfilled)
                .optional();
    }

    private static Fulfilments.Unfulfilled unfulfilled(ResultSet rs, int n) throws SQLException {
        return new Fulfilments.Unfulfilled(
                application(rs, n),
                rs.getString("fulfilment"),
                rs.getString("fulfilment_reason"),
                Optional.ofNullable(rs.getObject("fulfilment_retry_at", java.time.OffsetDateTime.class))
                        .map(java.time.OffsetDateTime::toInstant)
                        .orElse(null));
    }
}
