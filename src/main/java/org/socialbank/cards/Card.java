package org.socialbank.cards;

import java.time.LocalDate;
import java.util.Objects;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.AccountId;
import org.socialbank.shared.CurrencyCode;

/**
 * A card as the bank shows it: the number only masked.
 *
 * @param accountId a debit card's customer account, or a credit card's own credit account
 * @param limitMinor a credit card's limit (0 for a debit card)
 * @param statementDay a credit card's statement day of the month (1 to 28), 0 for a debit card
 * @param dispatchedOn the day the card bureau sent the card to its holder, null until the bank
 *     records it ({@link Cards#recordDispatch})
 */
public record Card(
        CardId id,
        CustomerId customerId,
        CardKind kind,
        String maskedNumber,
        AccountId accountId,
        CurrencyCode currency,
        CardStatus status,
        long limitMinor,
        int statementDay,
        LocalDate issuedOn,
        LocalDate expiresOn,
        LocalDate dispatchedOn) {

    public Card {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(maskedNumber, "maskedNumber");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
    }

    public boolean credit() {
        return kind == CardKind.CREDIT;
    }
}
