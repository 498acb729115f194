package org.socialbank.ledger;

import java.util.Objects;
import java.util.Set;
import org.socialbank.shared.CurrencyCode;

/** A request to open an account; the id makes it idempotent. */
public record NewAccount(
        AccountId id, CurrencyCode currency, String ownerRef, AccountKind kind, Set<AccountFlag> flags) {

    public static final int OWNER_REF_MAX_LENGTH = 64;

    public NewAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(kind, "kind");
        flags = Set.copyOf(flags);
        if (ownerRef != null
                && (ownerRef.isBlank()
                        || ownerRef.length() > OWNER_REF_MAX_LENGTH
                        || ownerRef.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("ownerRef must be 1 to " + OWNER_REF_MAX_LENGTH
                    + " characters without control characters when given");
        }
    }

    public boolean sameAs(Account account) {
        return account.currency().equals(currency)
                && Objects.equals(account.ownerRef(), ownerRef)
                && account.kind() == kind
                && account.flags().equals(flags);
    }
}
