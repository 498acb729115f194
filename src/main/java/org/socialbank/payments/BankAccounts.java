package org.socialbank.payments;

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
 * The bank's own accounts that payments move money through: per currency, the escrow account
 * that holds money waiting for a claim, and the settlement account money leaves through to other
 * banks. Their ids are derived from the currency, so opening them is idempotent.
 */
@Component
class BankAccounts {

    static final String OWNER = "bank:payments";

    private final Ledger ledger;

    BankAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    static AccountId escrow(CurrencyCode currency) {
        return id(AccountKind.ESCROW, currency);
    }

    static AccountId settlement(CurrencyCode currency) {
        return id(AccountKind.INTERBANK_SETTLEMENT, currency);
    }

    /** Opens both accounts of a currency unless they exist (an exact replay changes nothing). */
    void open(CurrencyCode currency) {
        open(escrow(currency), currency, AccountKind.ESCROW);
        open(settlement(currency), currency, AccountKind.INTERBANK_SETTLEMENT);
    }

    private void open(AccountId id, CurrencyCode currency, AccountKind kind) {
        if (ledger.account(id).isPresent()) {
            return;
        }
        OpenResult result = ledger.open(new NewAccount(id, currency, OWNER, kind, Set.of()));
        if (result instanceof OpenResult.Rejected rejected) {
            throw new IllegalStateException("the bank's " + kind.wireName() + " account in " + currency
                    + " conflicts with an existing account: " + rejected.code().code());
        }
    }

    private static AccountId id(AccountKind kind, CurrencyCode currency) {
        return new AccountId(UUID.nameUUIDFromBytes(
                ("socialbank-bank:" + kind.wireName() + ":" + currency.code()).getBytes(StandardCharsets.UTF_8)));
    }
}
