package org.socialbank.billing;

import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.OwnAccounts;
import org.socialbank.shared.CurrencyCode;
import org.springframework.stereotype.Component;

/**
 * The bank's settlement account per biller (operator, card switch) and currency: payments are
 * credited to it, and its balance is what the bank owes the biller at the next settlement. A
 * biller of an Iranian bill is the regional company: service digit and company code. Opened
 * through the ledger's {@link OwnAccounts}: the id derives from the biller, so opening is idempotent.
 */
@Component
class BillerAccounts {

    static final String OWNER_PREFIX = "bank:billing:";

    private final OwnAccounts accounts;

    BillerAccounts(OwnAccounts accounts) {
        this.accounts = accounts;
    }

    static String billerKey(IranianBill bill) {
        return "ir-" + bill.serviceDigit() + "-" + bill.companyCode();
    }

    static AccountId of(String billerKey, CurrencyCode currency) {
        return OwnAccounts.id(name(billerKey, currency));
    }

    /** The biller's settlement account, opened unless it exists. */
    AccountId open(String billerKey, CurrencyCode currency) {
        return accounts.open(
                name(billerKey, currency), currency, OWNER_PREFIX + billerKey, AccountKind.INTERBANK_SETTLEMENT);
    }

    private static String name(String billerKey, CurrencyCode currency) {
        return "socialbank-billing:settlement:" + billerKey + ":" + currency.code();
    }
}
