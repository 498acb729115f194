package org.socialbank.billing;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.Payments;
import org.socialbank.payments.risk.History;
import org.socialbank.shared.CurrencyCode;

/**
 * The payments module's risk policy's view of a customer's billing payments (bills, top-ups, card
 * transfers). They are paid to billers, operators and the card switch, not to people, so the
 * new-payee rules see nothing; their totals are billing's own (a P2P payment does not count
 * against billing's daily limit, nor a bill against P2P's: one shared total needs the payments
 * module to expose its own). A newly linked chat's confirmations are both: one billing payment or
 * one P2P payment asked for in it and confirmed on the bank's page is enough (security review #4).
 * The payments module reads billing's own count the other way ({@link ConfirmedBillingPayments}).
 */
record BillHistory(JdbcSpending store, Payments payments) implements History {

    @Override
    public long sentMinor(CustomerId payer, CurrencyCode currency, Optional<String> channel, Instant from) {
        return store.committedMinor(payer, currency, channel, from);
    }

    @Override
    public int paymentsSince(CustomerId payer, Instant from) {
        return store.paymentsSince(payer, from);
    }

    @Override
    public int newPayeesSince(CustomerId payer, Instant from) {
        return 0;
    }

    @Override
    public int confirmedSince(CustomerId payer, String channel, Instant from) {
        return store.confirmedSince(payer, channel, from) + payments.confirmedSince(payer, channel, from);
    }
}
