package org.socialbank.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.socialbank.shared.CurrencyCode;

/**
 * A ledger account and its four balances, in minor units of its currency.
 *
 * <p>Customer accounts are credit-normal (the bank owes the customer): money a customer holds is
 * credits minus debits.
 *
 * @param ownerRef who the account belongs to (a customer reference), null for the bank's own
 */
public record Account(
        AccountId id,
        CurrencyCode currency,
        String ownerRef,
        AccountKind kind,
        AccountStatus status,
        Set<AccountFlag> flags,
        long debitsPosted,
        long creditsPosted,
        long debitsPending,
        long creditsPending,
        Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        flags = Set.copyOf(flags);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Posted credits minus posted debits. */
    public long balanceMinor() {
        return creditsPosted - debitsPosted;
    }

    /** What the owner can spend now: the balance less what pending debits reserve. */
    public long availableMinor() {
        return creditsPosted - debitsPosted - debitsPending;
    }

    public boolean has(AccountFlag flag) {
        return flags.contains(flag);
    }

    public Account withBalances(long debitsPosted, long creditsPosted, long debitsPending, long creditsPending) {
        return new Account(
                id,
                currency,
                ownerRef,
                kind,
                status,
                flags,
                debitsPosted,
                creditsPosted,
                debitsPending,
                creditsPending,
                createdAt);
    }

    public Account withStatus(AccountStatus status) {
        return new Account(
                id,
                currency,
                ownerRef,
                kind,
                status,
                flags,
                debitsPosted,
                creditsPosted,
                debitsPending,
                creditsPending,
                createdAt);
    }
}
