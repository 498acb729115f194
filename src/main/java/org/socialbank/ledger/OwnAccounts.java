package org.socialbank.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.socialbank.shared.CurrencyCode;
import org.springframework.stereotype.Component;

/**
 * The bank's own accounts per currency and purpose (the settlement account pulled money arrives
 * through, the collection account requests are paid into, a biller's settlement account...):
 * each module names its account, the id derives from the name, so opening is idempotent and the
 * same on every node. One helper, so that every module opens them the same way.
 */
@Component
public class OwnAccounts {

    private final Ledger ledger;

    OwnAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The id of the bank's account of that name (the name carries the purpose and the currency). */
    public static AccountId id(String name) {
        Objects.requireNonNull(name, "name");
        return new AccountId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The bank's account of that name, opened unless it exists.
     *
     * @throws IllegalStateException when another account holds its id: a broken invariant, not a business "no"
     */
    public AccountId open(String name, CurrencyCode currency, String owner, AccountKind kind) {
        AccountId id = id(name);
        if (ledger.account(id).isEmpty()) {
            OpenResult result = ledger.open(new NewAccount(id, currency, owner, kind, Set.of()));
            if (result instanceof OpenResult.Rejected rejected) {
                throw new IllegalStateException("the bank's account " + name + " conflicts with an existing account: "
                        + rejected.code().code());
            }
        }
        return id;
    }
}
