package org.socialbank.campaigns;

import java.util.EnumSet;
import java.util.Set;
import org.socialbank.ledger.AccountKind;
import org.socialbank.shared.CurrencyCode;

/**
 * The part of a campaign's segment read from the ledger (issue 17): a product the customer holds
 * (one of {@code products}, ledger account kinds owned by her), the sum of her wallet and current
 * accounts' balances in {@code balanceCurrency} within [{@code balanceMinMinor},
 * {@code balanceMaxMinor}] (either end open when null), and her last activity: a posting on one of
 * her accounts within {@code activeWithinDays} days, or none for {@code inactiveForDays} days.
 * Each null or empty member does not narrow.
 */
public record Holdings(
        Set<AccountKind> products,
        CurrencyCode balanceCurrency,
        Long balanceMinMinor,
        Long balanceMaxMinor,
        Integer activeWithinDays,
        Integer inactiveForDays) {

    /** The kinds a customer holds as products (before {@link #ANY}: its constructor reads them). */
    public static final Set<AccountKind> PRODUCTS = EnumSet.of(
            AccountKind.CUSTOMER_WALLET, AccountKind.CUSTOMER_CURRENT, AccountKind.CREDIT_CARD, AccountKind.POINTS);

    public static final Holdings ANY = new Holdings(Set.of(), null, null, null, null, null);
    public static final int DAYS_MAX = 3_660;

    public Holdings {
        products = products == null ? Set.of() : Set.copyOf(products);
        if (!PRODUCTS.containsAll(products)) {
            throw new IllegalArgumentException("segment_invalid");
        }
        boolean band = balanceMinMinor != null || balanceMaxMinor != null;
        if (band != (balanceCurrency != null)
                || balanceCurrency != null && !balanceCurrency.money()
                || balanceMinMinor != null && balanceMaxMinor != null && balanceMinMinor > balanceMaxMinor) {
            throw new IllegalArgumentException("segment_invalid");
        }
        if (days(activeWithinDays) || days(inactiveForDays) || activeWithinDays != null && inactiveForDays != null) {
            throw new IllegalArgumentException("segment_invalid");
        }
    }

    private static boolean days(Integer days) {
        return days != null && (days < 1 || days > DAYS_MAX);
    }

    /** Whether it narrows the audience at all (else nobody is looked up in the ledger). */
    public boolean narrows() {
        return !products.isEmpty() || balanceCurrency != null || activeWithinDays != null || inactiveForDays != null;
    }

    /** Whether a balance is inside the band (true when there is none). */
    public boolean inBand(long balanceMinor) {
        return (balanceMinMinor == null || balanceMinor >= balanceMinMinor)
                && (balanceMaxMinor == null || balanceMinor <= balanceMaxMinor);
    }
}
