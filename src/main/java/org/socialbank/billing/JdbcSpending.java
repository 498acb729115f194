package org.socialbank.billing;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a customer committed to billing's payments (bills, account-number bills, top-ups, card transfers), for the risk policy. */
@Repository
class JdbcSpending {

    private static final String COMMITTED = "('AWAITING_CONFIRMATION', 'PENDING', 'UNKNOWN', 'COMPLETED')";
    /** A held payment in one of these was confirmed and its money reserved. */
    private static final String CONFIRMED = "('PENDING', 'UNKNOWN', 'COMPLETED', 'FAILED')";

    private static final String ALL = "SELECT customer_id, amount_minor, currency, channel, status, created_at "
            + "FROM billing_bill_payments UNION ALL SELECT customer_id, amount_minor, currency, channel, status, "
            + "created_at FROM billing_topups UNION ALL SELECT customer_id, amount_minor, currency, channel, status, "
            + "created_at FROM billing_card_transfers UNION ALL SELECT customer_id, amount_minor, currency, channel, "
            + "status, created_at FROM billing_account_bill_payments";

    private final JdbcClient jdbc;

    JdbcSpending(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long committedMinor(CustomerId customer, CurrencyCode currency, Optional<String> channel, Instant from) {
        String sql = "SELECT COALESCE(SUM(amount_minor), 0) FROM (" + ALL + ") p WHERE customer_id = ? "
                + "AND currency = ? AND created_at >= ? AND status IN " + COMMITTED;
        if (channel.isEmpty()) {
            return jdbc.sql(sql)
                    .params(customer.value(), currency.code(), Timestamps.utc(from))
                    .query(Long.class)
                    .single();
        }
        return jdbc.sql(sql + " AND channel = ?")
                .params(customer.value(), currency.code(), Timestamps.utc(from), channel.get())
                .query(Long.class)
                .single();
    }

    /**
     * Billing payments of the customer asked for in the channel since {@code from} that were held
     * for the step-up, confirmed on the bank's page and then had their money reserved (pending,
     * unknown, completed, or failed at the provider after that): as the payments module's own
     * count, a payment merely waiting for its confirmation counts for nothing. Account bills are
     * never held.
     */
    int confirmedSince(CustomerId customer, String channel, Instant from) {
        String confirmed = " WHERE customer_id = ? AND channel = ? AND created_at >= ? AND challenge_id IS NOT NULL "
                + "AND status IN " + CONFIRMED;
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM billing_bill_payments" + confirmed
                        + ") + (SELECT COUNT(*) FROM billing_topups" + confirmed
                        + ") + (SELECT COUNT(*) FROM billing_card_transfers" + confirmed + ")")
                .params(confirmedParams(customer, channel, from))
                .query(Integer.class)
                .single();
    }

    private static Object[] confirmedParams(CustomerId customer, String channel, Instant from) {
        Object[] one = {customer.value(), channel, Timestamps.utc(from)};
        Object[] all = new Object[one.length * 3];
        for (int i = 0; i < all.length; i++) {
            all[i] = one[i % one.length];
        }
        return all;
    }

    int paymentsSince(CustomerId customer, Instant from) {
        return jdbc.sql("SELECT COUNT(*) FROM (" + ALL + ") p WHERE customer_id = ? AND created_at >= ?")
                .params(customer.value(), Timestamps.utc(from))
                .query(Integer.class)
                .single();
    }
}
