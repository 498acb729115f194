package org.socialbank.cards;

import java.time.Clock;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.stereotype.Service;

/**
 * The auto-repayment setting of a credit card (issue 16 s2). The account it repays from must be the
 * holder's own customer account in the card's currency; without one given, the holder's primary
 * account in that currency. The repayments themselves are made by {@link CardReminders}.
 */
@Service
public class AutoRepayments {

    private final JdbcCards cards;
    private final JdbcAutoRepayments store;
    private final Directory directory;
    private final Ledger ledger;
    private final DurableTransactions writes;
    private final Clock clock;

    AutoRepayments(
            JdbcCards cards,
            JdbcAutoRepayments store,
            Directory directory,
            Ledger ledger,
            DurableTransactions writes,
            Clock clock) {
        this.cards = cards;
        this.store = store;
        this.directory = directory;
        this.ledger = ledger;
        this.writes = writes;
        this.clock = clock;
    }

    /** The card's setting ({@code OFF} when never set); empty when the card is unknown. */
    public Optional<AutoRepayment> of(CardId card) {
        return cards.find(card).map(c -> store.find(card).orElse(AutoRepayment.off(card)));
    }

    /**
     * Sets the card's auto-repayment; {@code from} may be null (the holder's primary account in the
     * card's currency). Setting the same again changes nothing.
     */
    public AutoRepaymentResult set(CardId id, AutoRepayment.Mode mode, AccountId from) {
        return writes.write(status -> {
            Optional<Card> found = cards.lock(id);
            if (found.isEmpty()) {
                return new AutoRepaymentResult.Refused(CardRefusal.CARD_NOT_FOUND);
            }
            Card card = found.get();
            if (!card.credit()) {
                return new AutoRepaymentResult.Refused(CardRefusal.CARD_NOT_CREDIT);
            }
            if (mode == AutoRepayment.Mode.OFF) {
                return saved(card, AutoRepayment.off(id));
            }
            Optional<AccountId> account = Optional.ofNullable(from)
                    .or(() -> directory.primaryAccount(
                            card.customerId(), card.currency().code()));
            if (account.isEmpty()) {
                return new AutoRepaymentResult.Refused(CardRefusal.NO_DEBIT_ACCOUNT);
            }
            Optional<CardRefusal> refusal = refusal(card, ledger.account(account.get()));
            return refusal.<AutoRepaymentResult>map(AutoRepaymentResult.Refused::new)
                    .orElseGet(() -> saved(card, new AutoRepayment(id, mode, account.get())));
        });
    }

    /** The chat's "auto-repay in full": the customer's first credit card, from the primary account. */
    public AutoRepaymentResult setForCustomer(CustomerId customer, AutoRepayment.Mode mode) {
        Optional<Card> card = cards.ofCustomer(customer, Cards.PER_CUSTOMER_MAX).stream()
                .filter(Card::credit)
                .findFirst();
        return card.map(c -> set(c.id(), mode, null))
                .orElseGet(() -> new AutoRepaymentResult.Refused(CardRefusal.CARD_NOT_CREDIT));
    }

    private static Optional<CardRefusal> refusal(Card card, Optional<Account> account) {
        if (account.isEmpty()
                || !card.customerId().ownerRef().equals(account.get().ownerRef())
                || !(account.get().kind() == AccountKind.CUSTOMER_WALLET
                        || account.get().kind() == AccountKind.CUSTOMER_CURRENT)) {
            return Optional.of(CardRefusal.ACCOUNT_UNAVAILABLE);
        }
        return account.get().currency().equals(card.currency())
                ? Optional.empty()
                : Optional.of(CardRefusal.CURRENCY_MISMATCH);
    }

    private AutoRepaymentResult saved(Card card, AutoRepayment setting) {
        store.save(setting, clock.instant());
        return new AutoRepaymentResult.Set(setting, card.maskedNumber());
    }
}
