package org.socialbank.cards;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.stereotype.Service;

/**
 * A credit on a credit card's statement paid by the bank (loyalty points redeemed, ADR 0011): one
 * ledger transfer from the bank's account to the card's, and a credit row for the statement maths
 * (counted with refunds), under the card's row lock. Idempotent by the caller's id.
 */
@Service
public class StatementCredits {

    static final String MERCHANT = "statement credit";

    private final JdbcCards cards;
    private final JdbcCardTransactions transactions;
    private final Ledger ledger;
    private final DurableTransactions writes;
    private final CardsProperties properties;
    private final Clock clock;

    StatementCredits(
            JdbcCards cards,
            JdbcCardTransactions transactions,
            Ledger ledger,
            DurableTransactions writes,
            CardsProperties properties,
            Clock clock) {
        this.cards = cards;
        this.transactions = transactions;
        this.ledger = ledger;
        this.writes = writes;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Credits {@code amountMinor} from the bank's account {@code from} (in the card's currency) to
     * the credit card; empty when it is booked (now or before under this id), else why not:
     * {@code card_not_found}, {@code card_not_credit}, {@code nothing_owed}, {@code exceeds_amount_owed},
     * {@code amount_must_be_positive}, or a ledger refusal.
     *
     * @param transferCode the ledger transfer's code (e.g. {@code points-credit})
     */
    public Optional<CardRefusal> credit(UUID id, CardId cardId, long amountMinor, AccountId from, String transferCode) {
        return writes.write(status -> {
            Optional<Card> found = cards.lock(cardId);
            if (found.isEmpty()) {
                return Optional.of(CardRefusal.CARD_NOT_FOUND);
            }
            TransferId transferId = transferId(id);
            if (transactions.find(transferId.value()).isPresent()) {
                return Optional.<CardRefusal>empty(); // booked before under this id
            }
            Card card = found.get();
            if (!card.credit()) {
                return Optional.of(CardRefusal.CARD_NOT_CREDIT);
            }
            if (amountMinor <= 0) {
                return Optional.of(CardRefusal.AMOUNT_MUST_BE_POSITIVE);
            }
            long owed = Cards.owed(ledger.account(card.accountId()).orElseThrow());
            if (owed <= 0) {
                return Optional.of(CardRefusal.NOTHING_OWED);
            }
            if (amountMinor > owed) {
                return Optional.of(CardRefusal.EXCEEDS_AMOUNT_OWED);
            }
            TransferResult result = ledger.transfer(
                    NewTransfer.posted(transferId, from, card.accountId(), amountMinor, card.currency(), transferCode));
            if (result instanceof TransferResult.Rejected rejected) {
                return Optional.of(CardFeed.refusal(rejected.code()));
            }
            Instant now = Microseconds.now(clock);
            transactions.insert(
                    new JdbcCardTransactions.Row(
                            transferId.value(),
                            card.id(),
                            FeedKind.REFUND.name(),
                            amountMinor,
                            card.currency(),
                            LocalDate.ofInstant(now, properties.zone()),
                            MERCHANT,
                            true,
                            null,
                            transferId.value(),
                            null),
                    now);
            return Optional.<CardRefusal>empty();
        });
    }

    private static TransferId transferId(UUID creditId) {
        return new TransferId(UUID.nameUUIDFromBytes(
                ("socialbank-cards:statement-credit:" + creditId).getBytes(StandardCharsets.UTF_8)));
    }
}
