package org.socialbank.payments.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/** The payer's past payments kept in memory, answering as the payments table would. */
final class FakeHistory implements History {

    record Sent(
            CustomerId payer,
            CurrencyCode currency,
            String channel,
            long amountMinor,
            boolean newPayee,
            Instant at,
            boolean confirmed) {

        Sent(CustomerId payer, CurrencyCode currency, String channel, long amountMinor, boolean newPayee, Instant at) {
            this(payer, currency, channel, amountMinor, newPayee, at, false);
        }
    }

    final List<Sent> sent = new ArrayList<>();

    /** How many times the policy asked for a chat's confirmations (each module's count is a read). */
    int confirmationsAsked;

    FakeHistory add(Sent payment) {
        sent.add(payment);
        return this;
    }

    /** Keeps an attempt the policy let through (allowed, or held and later confirmed). */
    FakeHistory add(Attempt attempt) {
        return add(new Sent(
                attempt.payer(),
                attempt.currency(),
                attempt.channel(),
                attempt.amountMinor(),
                attempt.newPayee(),
                attempt.now()));
    }

    @Override
    public long sentMinor(CustomerId payer, CurrencyCode currency, Optional<String> channel, Instant from) {
        return sent.stream()
                .filter(s -> s.payer().equals(payer) && s.currency().equals(currency) && !s.at().isBefore(from))
                .filter(s -> channel.isEmpty() || channel.get().equals(s.channel()))
                .mapToLong(Sent::amountMinor)
                .sum();
    }

    @Override
    public int paymentsSince(CustomerId payer, Instant from) {
        return (int) sent.stream()
                .filter(s -> s.payer().equals(payer) && !s.at().isBefore(from))
                .count();
    }

    @Override
    public int newPayeesSince(CustomerId payer, Instant from) {
        return (int) sent.stream()
                .filter(s -> s.payer().equals(payer) && s.newPayee() && !s.at().isBefore(from))
                .count();
    }

    @Override
    public int confirmedSince(CustomerId payer, String channel, Instant from) {
        confirmationsAsked++;
        return (int) sent.stream()
                .filter(s -> s.payer().equals(payer)
                        && s.confirmed()
                        && s.channel().equals(channel)
                        && !s.at().isBefore(from))
                .count();
    }
}
