package org.socialbank.payments.requests;

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
 * The bank's collection account per currency: the ledger side of the IBAN that people who are not
 * customers pay requests into. An incoming credit debits it and credits the requester, so its
 * balance is what the bank received from other banks for requests. Ids derive from the currency,
 * so opening is idempotent.
 */
@Component
class CollectionAccounts {

    static final String OWNER = "bank:requests";

    private final Ledger ledger;

    CollectionAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    static AccountId of(CurrencyCode currency) {
        return new AccountId(UUID.nameUUIDFromBytes(("socialbank-bank:request-collection:" + currency.code())
                .getBytes(StandardCharsets.UTF_8)));
    }

    AccountId open(CurrencyCode currency) {
        AccountId id = of(currency);
        if (ledger.account(id).isEmpty()) {
            OpenResult result = ledger.open(new NewAccount(id, currency, OWNER, AccountKind.INTERBANK_SETTLEMENT,
                    Set.of()));
            if (result instanceof OpenResult.Rejected rejected) {
                throw new IllegalStateException("the bank's request collection account in " + currency
                        + " conflicts with an existing account: " + rejected.code().code());
            }
        }
        return id;
    }
}
