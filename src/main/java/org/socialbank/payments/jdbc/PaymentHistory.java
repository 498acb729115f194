package org.socialbank.payments.jdbc;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.risk.History;
import org.socialbank.shared.CurrencyCode;

/** The risk policy's view of a payer's past, answered from the payments table. */
public record PaymentHistory(JdbcPayments store) implements History {

    @Override
    public long sentMinor(CustomerId payer, CurrencyCode currency, Optional<String> channel, Instant from) {
        return store.sentMinor(payer, currency, channel, from);
    }

    @Override
    public int paymentsSince(CustomerId payer, Instant from) {
        return store.paymentsSince(payer, from);
    }

    @Override
    public int newPayeesSince(CustomerId payer, Instant from) {
        return store.newPayeesSince(payer, from);
    }

    @Override
    public int confirmedSince(CustomerId payer, String channel, Instant from) {
        return store.confirmedSince(payer, channel, from);
    }
}
