package org.socialbank.cards;

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
 * The ledger accounts of cards, with ids derived from names so that opening them is idempotent:
 * per currency the card processor's settlement account and the income account that fees and
 * interest go to, and per credit card its own credit account.
 */
@Component
class CardAccounts {

    static final String OWNER = "bank:cards";

    private final Ledger ledger;

    CardAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    static AccountId settlement(CurrencyCode currency) {
        return id("settlement:" + currency.code());
    }

    static AccountId income(CurrencyCode currency) {
        return id("income:" + currency.code());
    }

    static AccountId creditAccount(CardId card) {
        return id("credit:" + card.value());
    }

    /** Opens the bank's two accounts of a currency unless they exist. */
    void openBankAccounts(CurrencyCode currency) {
        open(new NewAccount(settlement(currency), currency, OWNER, AccountKind.INTERBANK_SETTLEMENT, Set.of()));
        open(new NewAccount(income(currency), currency, OWNER, AccountKind.FEES, Set.of()));
    }

    /**
     * A credit card's account is debit-normal: purchases debit it, refunds and repayments credit it.
     * It has no ledger flag: a merchant's refund may leave it in credit (a credit balance, which the
     * next purchases and statement use up, as card issuers do). That a repayment or a statement
     * credit never goes beyond what it owes is checked by {@link RepayCard} and {@link
     * StatementCredits} under the card's row lock.
     */
    void openCreditAccount(CardId card, CurrencyCode currency, String ownerRef) {
        open(new NewAccount(creditAccount(card), currency, ownerRef, AccountKind.CREDIT_CARD, Set.of()));
    }

    private void open(NewAccount account) {
        if (ledger.account(account.id()).isPresent()) {
            return;
        }
        if (ledger.open(account) instanceof OpenResult.Rejected rejected) {
            throw new IllegalStateException("the cards account " + account.id() + " conflicts with an existing one: "
                    + rejected.code().code());
        }
    }

    private static AccountId id(String name) {
        return new AccountId(UUID.nameUUIDFromBytes(("socialbank-cards:" + name).getBytes(StandardCharsets.UTF_8)));
    }
}
