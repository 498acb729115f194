package org.socialbank.cards;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.stereotype.Service;

/**
 * Repays a credit card from the holder's primary account in the card's currency, idempotent by the
 * client's id: the same request again gets the same answer (a refusal that depended on the
 * balances included), another request under the same id gets {@code id_reused}. The card's row is
 * locked first, so concurrent repayments of one card queue and can never repay more than it owes.
 */
@Service
public class RepayCard {

    private final JdbcCards cards;
    private final JdbcRepayments repayments;
    private final JdbcCardTransactions transactions;
    private final Directory directory;
    private final Ledger ledger;
    private final DurableTransactions writes;
    private final CardsProperties properties;
    private final Clock clock;

    RepayCard(
            JdbcCards cards,
            JdbcRepayments repayments,
            JdbcCardTransactions transactions,
            Directory directory,
            Ledger ledger,
            DurableTransactions writes,
            CardsProperties properties,
            Clock clock) {
        this.cards = cards;
        this.repayments = repayments;
        this.transactions = transactions;
        this.directory = directory;
        this.ledger = ledger;
        this.writes = writes;
        this.properties = properties;
        this.clock = clock;
    }

    public RepaymentResult repay(UUID id, CardId cardId, long amountMinor) {
        return repay(id, cardId, amountMinor, null);
    }

    /**
     * The same, from {@code account} (the auto-repayment's chosen account, checked when it was set);
     * null for the holder's primary account in the card's currency.
     */
    RepaymentResult repay(UUID id, CardId cardId, long amountMinor, AccountId account) {
        return writes.write(status -> {
            Optional<Card> found = cards.lock(cardId);
            if (found.isEmpty()) {
                return new RepaymentResult.Refused(CardRefusal.CARD_NOT_FOUND);
            }
            Optional<JdbcRepayments.Row> existing = repayments.find(id);
            if (existing.isPresent()) {
                JdbcRepayments.Row row = existing.get();
                return row.card().equals(cardId) && row.amountMinor() == amountMinor
                        ? row.answer()
                        : new RepaymentResult.Refused(CardRefusal.ID_REUSED);
            }
            Card card = found.get();
            if (amountMinor <= 0) {
                return new RepaymentResult.Refused(CardRefusal.AMOUNT_MUST_BE_POSITIVE);
            }
            if (!card.credit()) {
                return new RepaymentResult.Refused(CardRefusal.CARD_NOT_CREDIT);
            }
            return book(id, card, amountMinor, account);
        });
    }

    private RepaymentResult book(UUID id, Card card, long amountMinor, AccountId account) {
        Instant now = Microseconds.now(clock); // what the store keeps
        Optional<AccountId> from = account != null
                ? Optional.of(account)
                : directory.primaryAccount(card.customerId(), card.currency().code());
        Optional<CardRefusal> refusal =
                from.isEmpty() ? Optional.of(CardRefusal.NO_DEBIT_ACCOUNT) : owedCheck(card, amountMinor);
        TransferId transferId = transferId(id);
        if (refusal.isEmpty()) {
            TransferResult result = ledger.transfer(NewTransfer.posted(
                    transferId, from.get(), card.accountId(), amountMinor, card.currency(), "card-repayment"));
            if (result instanceof TransferResult.Rejected rejected) {
                refusal = Optional.of(CardFeed.refusal(rejected.code()));
            }
        }
        JdbcRepayments.Row row = new JdbcRepayments.Row(
                id,
                card.id(),
                amountMinor,
                card.currency(),
                refusal.map(CardRefusal::code).orElse(null),
                refusal.isEmpty() ? transferId.value() : null,
                from.orElse(null),
                now);
        repayments.insert(row);
        if (refusal.isPresent()) {
            return new RepaymentResult.Refused(refusal.get());
        }
        transactions.insert(
                new JdbcCardTransactions.Row(
                        transferId.value(),
                        card.id(),
                        JdbcCardTransactions.REPAYMENT,
                        amountMinor,
                        card.currency(),
                        LocalDate.ofInstant(now, properties.zone()),
                        null,
                        true,
                        null,
                        transferId.value(),
                        null),
                now);
        return new RepaymentResult.Repaid(
                new Repayment(id, card.id(), amountMinor, card.currency(), from.get(), transferId.value(), now), false);
    }

    private Optional<CardRefusal> owedCheck(Card card, long amountMinor) {
        long owed = Cards.owed(ledger.account(card.accountId()).orElseThrow());
        if (owed <= 0) {
            return Optional.of(CardRefusal.NOTHING_OWED);
        }
        return amountMinor > owed ? Optional.of(CardRefusal.EXCEEDS_AMOUNT_OWED) : Optional.empty();
    }

    private static TransferId transferId(UUID repaymentId) {
        return new TransferId(
                UUID.nameUUIDFromBytes(("socialbank-cards:repayment:" + repaymentId).getBytes(StandardCharsets.UTF_8)));
    }
}
