package org.socialbank.billing;

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
 * The bank's settlement account per biller and currency: bill payments are credited to it, and
 * its balance is what the bank owes the biller at the next settlement. A biller of an Iranian
 * bill is the regional company: service digit and company code. Ids derive from the biller, so
 * opening is idempotent.
 */
@Component
class BillerAccounts {

    static final String OWNER_PREFIX = "bank:billing:";

    private final Ledger ledger;

    BillerAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    static String billerKey(IranianBill bill) {
        return "ir-" + bill.serviceDigit() + "-" + bill.companyCode();
    }

    static AccountId of(String billerKey, CurrencyCode currency) {
        return new AccountId(UUID.nameUUIDFromBytes(("socialbank-billing:settlement:" + billerKey + ":" + currency.code())
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The biller's settlement account, opened unless it exists. */
    AccountId open(String billerKey, CurrencyCode currency) {
        AccountId id = of(billerKey, currency);
        if (ledger.account(id).isEmpty()) {
            OpenResult result = ledger.open(new NewAccount(id, currency, OWNER_PREFIX + billerKey,
                    AccountKind.INTERBANK_SETTLEMENT, Set.of()));
            if (result instanceof OpenResult.Rejected rejected) {
                throw new IllegalStateException("the settlement account of biller " + billerKey + " in " + currency
                        + " conflicts with an existing account: " + rejected.code().code());
            }
        }
        return id;
    }
}
