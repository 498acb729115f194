package org.socialbank.sweeping;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.OpenResult;
import org.socialbank.shared.CurrencyCode;
import org.springframework.stereotype.Component;

/**
 * The bank's interbank settlement account per currency that pulled money arrives through: a
 * succeeded pull debits it and credits the customer, so its (negative) balance is what the other
 * banks owe the bank until settlement. Ids derive from the currency, so opening is idempotent.
 */
@Component
class SweepAccounts {

    static final String OWNER = "bank:sweeping";

    private final Ledger ledger;

    SweepAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    static AccountId of(CurrencyCode currency) {
        return new AccountId(UUID.nameUUIDFromBytes(("socialbank-bank:sweeping-settlement:" + currency.code())
                .getBytes(StandardCharsets.UTF_8)));
    }

    AccountId open(CurrencyCode currency) {
        AccountId id = of(currency);
        if (ledger.account(id).isEmpty()) {
            OpenResult result = ledger.open(new NewAccount(id, currency, OWNER, AccountKind.INTERBANK_SETTLEMENT,
                    Set.of()));
            if (result instanceof OpenResult.Rejected rejected) {
                throw new IllegalStateException("the bank's sweeping settlement account in " + currency
                        + " conflicts with an existing account: " + rejected.code().code());
            }
        }
        return id;
    }
}
