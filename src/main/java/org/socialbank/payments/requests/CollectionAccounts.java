package org.socialbank.payments.requests;

import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.OwnAccounts;
import org.socialbank.shared.CurrencyCode;
import org.springframework.stereotype.Component;

/**
 * The bank's collection account per currency: the ledger side of the IBAN that people who are not
 * customers pay requests into. An incoming credit debits it and credits the requester, so its
 * balance is what the bank received from other banks for requests. Opened through the ledger's
 * {@link OwnAccounts}: the id derives from the name, so opening is idempotent.
 */
@Component
class CollectionAccounts {

    static final String OWNER = "bank:requests";

    private final OwnAccounts accounts;

    CollectionAccounts(OwnAccounts accounts) {
        this.accounts = accounts;
    }

    static AccountId of(CurrencyCode currency) {
        return OwnAccounts.id(name(currency));
    }

    AccountId open(CurrencyCode currency) {
        return accounts.open(name(currency), currency, OWNER, AccountKind.INTERBANK_SETTLEMENT);
    }

    private static String name(CurrencyCode currency) {
        return "socialbank-bank:request-collection:" + currency.code();
    }
}
