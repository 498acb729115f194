package org.socialbank.loyalty;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.OpenResult;
import org.socialbank.shared.CurrencyCode;
import org.springframework.stereotype.Component;

/**
 * The loyalty book's ledger accounts (ADR 0011), with ids derived from what they are for, so that
 * opening one again is a replay: per customer a points account (never below zero); the bank's
 * points issued, redeemed and expired; per currency the bank's rewards account that pays the
 * statement credits.
 */
@Component
class PointsAccounts {

    static final String OWNER = "bank:loyalty";
    static final AccountId ISSUED = id("issued");
    static final AccountId REDEEMED = id("redeemed");
    static final AccountId EXPIRED = id("expired");

    private final Ledger ledger;

    PointsAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    static AccountId customer(CustomerId customer) {
        return id("points:" + customer.value());
    }

    static AccountId rewards(CurrencyCode currency) {
        return id("rewards:" + currency.code());
    }

    /** Opens the customer's points account (a replay when it is open) and the bank's three. */
    AccountId openCustomer(CustomerId customer) {
        openBank();
        AccountId id = customer(customer);
        open(new NewAccount(
                id,
                CurrencyCode.POINTS,
                customer.ownerRef(),
                AccountKind.POINTS,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        return id;
    }

    void openBank() {
        // not cached: an account opened in a transaction that rolled back is not there
        for (AccountId id : new AccountId[] {ISSUED, REDEEMED, EXPIRED}) {
            open(new NewAccount(id, CurrencyCode.POINTS, OWNER, AccountKind.BANK_EQUITY, Set.of()));
        }
    }

    AccountId openRewards(CurrencyCode currency) {
        AccountId id = rewards(currency);
        open(new NewAccount(id, currency, OWNER, AccountKind.BANK_EQUITY, Set.of()));
        return id;
    }

    private void open(NewAccount account) {
        if (ledger.account(account.id()).isPresent()) {
            return;
        }
        OpenResult result = ledger.open(account);
        if (!(result instanceof OpenResult.Opened)) {
            throw new IllegalStateException("the loyalty account " + account.id() + " could not be opened: " + result);
        }
    }

    private static AccountId id(String what) {
        return new AccountId(UUID.nameUUIDFromBytes(("socialbank-loyalty:" + what).getBytes(StandardCharsets.UTF_8)));
    }
}
