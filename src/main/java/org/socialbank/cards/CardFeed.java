package org.socialbank.cards;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.Uuids;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Books the card processor's transactions as ledger transfers, each once by its id: a purchase or
 * cash withdrawal moves money from the card's account (the customer's for debit, the card's credit
 * account for credit, within its limit) to the processor's settlement account; a refund moves it
 * back, in any card status and beyond what a credit card owes (it is then in credit). A refund that
 * cannot be booked now is not acknowledged, so the processor delivers it again. The card's row is
 * locked first, so a card's bookings and repayments queue one by one.
 */
@Service
public class CardFeed {

    private static final Logger log = LoggerFactory.getLogger(CardFeed.class);

    private final JdbcCards cards;
    private final JdbcCardTransactions transactions;
    private final Ledger ledger;
    private final DurableTransactions writes;
    private final CardProcessor processor;
    private final CardsProperties properties;
    private final Clock clock;

    CardFeed(
            JdbcCards cards,
            JdbcCardTransactions transactions,
            Ledger ledger,
            DurableTransactions writes,
            CardProcessor processor,
            CardsProperties properties,
            Clock clock) {
        this.cards = cards;
        this.transactions = transactions;
        this.ledger = ledger;
        this.writes = writes;
        this.processor = processor;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Reads what the processor has waiting (one bounded batch), books and acknowledges it; a refund
     * not booked is left unacknowledged, to come again.
     */
    @Scheduled(fixedDelayString = "${socialbank.cards.feed-interval:5s}")
    public int readFeed() {
        int booked = 0;
        for (FeedTransaction t : processor.waiting(properties.feedBatchMax())) {
            FeedResult result = book(t);
            if (result instanceof FeedResult.NotBookedYet n) {
                log.error(
                        "Card refund {} of {} {} to card {} could not be booked ({}): not acknowledged, the processor"
                                + " delivers it again",
                        t.id(),
                        t.amountMinor(),
                        t.currency().code(),
                        t.card().value(),
                        n.code().code());
                continue;
            }
            if (result instanceof FeedResult.Booked b && !b.replayed()) {
                booked++;
            } else if (result instanceof FeedResult.Declined d && !t.kind().spends()) {
                // a cause that never passes: acknowledged, so that it cannot hold up the feed; the
                // holder's money is the bank's to settle by hand
                log.error(
                        "Card refund {} of {} {} to card {} declined for good ({}): for operations to settle",
                        t.id(),
                        t.amountMinor(),
                        t.currency().code(),
                        t.card().value(),
                        d.code().code());
            } else if (result instanceof FeedResult.Declined d) {
                log.info("Card transaction {} declined: {}", t.id(), d.code().code());
            }
            processor.acknowledge(t.id());
        }
        return booked;
    }

    public FeedResult book(FeedTransaction t) {
        return writes.write(status -> {
            Optional<Card> found = cards.lock(t.card());
            if (found.isEmpty()) {
                return new FeedResult.Declined(CardRefusal.CARD_NOT_FOUND);
            }
            Optional<JdbcCardTransactions.Row> existing = transactions.find(t.id());
            if (existing.isPresent()) {
                JdbcCardTransactions.Row row = existing.get();
                if (!row.sameAs(t) || namesAnotherPurchase(row, t)) {
                    return new FeedResult.Declined(CardRefusal.ID_REUSED);
                }
                return row.booked()
                        ? new FeedResult.Booked(true)
                        : new FeedResult.Declined(CardRefusal.fromCode(row.code()));
            }
            Card card = found.get();
            Optional<CardRefusal> refusal = check(card, t);
            if (refusal.isEmpty()) {
                refusal = post(card, t);
            }
            if (refusal.isPresent() && !t.kind().spends() && passes(card, refusal.get())) {
                return new FeedResult.NotBookedYet(refusal.get()); // nothing kept: delivered again, booked then
            }
            transactions.insert(
                    new JdbcCardTransactions.Row(
                            t.id(),
                            card.id(),
                            t.kind().name(),
                            t.amountMinor(),
                            t.currency(),
                            t.occurredOn(),
                            t.merchant(),
                            refusal.isEmpty(),
                            refusal.map(CardRefusal::code).orElse(null),
                            refusal.isEmpty() ? transferId(t.id()).value() : null,
                            purchaseTransfer(t)),
                    clock.instant());
            return refusal.<FeedResult>map(FeedResult.Declined::new).orElse(new FeedResult.Booked(false));
        });
    }

    /**
     * Whether a refund's refusal can pass, so that the refund is left to come again: only the card's
     * account frozen (unfrozen, it takes the refund). An unknown card, another currency, an id
     * reused or a closed account never pass: such a refund left unacknowledged would come back
     * forever and, once a batch of them waits, hold up every card's transactions (reread of review
     * 2026-12-07 money #2), so it is declined, acknowledged and logged for operations.
     */
    private boolean passes(Card card, CardRefusal refusal) {
        return refusal == CardRefusal.ACCOUNT_UNAVAILABLE
                && ledger.account(card.accountId())
                        .map(a -> a.status() == AccountStatus.FROZEN)
                        .orElse(false);
    }

    private Optional<CardRefusal> check(Card card, FeedTransaction t) {
        if (!card.currency().equals(t.currency())) {
            return Optional.of(CardRefusal.CURRENCY_MISMATCH);
        }
        if (!t.kind().spends()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        if (card.status() != CardStatus.ACTIVE || today.isAfter(card.expiresOn())) {
            return Optional.of(CardRefusal.CARD_NOT_ACTIVE);
        }
        if (card.credit()) {
            Account account = ledger.account(card.accountId()).orElseThrow();
            long used = Cards.owed(account) + account.debitsPending(); // reserved purchases count too
            if (used + t.amountMinor() > card.limitMinor()) {
                return Optional.of(CardRefusal.EXCEEDS_CREDIT_LIMIT);
            }
        }
        return Optional.empty();
    }

    private Optional<CardRefusal> post(Card card, FeedTransaction t) {
        AccountId settlement = CardAccounts.settlement(t.currency());
        AccountId debit = t.kind().spends() ? card.accountId() : settlement;
        AccountId credit = t.kind().spends() ? settlement : card.accountId();
        Metadata notes = t.purchaseId() == null
                ? Metadata.EMPTY
                : Metadata.of(Map.of(
                        FeedTransaction.PURCHASE_METADATA, purchaseTransfer(t).toString()));
        TransferResult result = ledger.transfer(new NewTransfer(
                transferId(t.id()),
                debit,
                credit,
                t.amountMinor(),
                t.currency(),
                new TransferCode(t.kind().transferCode()),
                false,
                0,
                notes));
        if (result instanceof TransferResult.Rejected rejected) {
            return Optional.of(refusal(rejected.code()));
        }
        return Optional.empty();
    }

    /** A ledger "no" as the cards module's own code. */
    static CardRefusal refusal(RejectionCode code) {
        return switch (code) {
            case EXCEEDS_CREDITS -> CardRefusal.INSUFFICIENT_FUNDS;
            case EXCEEDS_DEBITS -> CardRefusal.EXCEEDS_AMOUNT_OWED;
            case CURRENCY_MISMATCH -> CardRefusal.CURRENCY_MISMATCH;
            case ID_EXISTS_WITH_DIFFERENT_FIELDS -> CardRefusal.ID_REUSED;
            default -> CardRefusal.ACCOUNT_UNAVAILABLE;
        };
    }

    /** The ledger transfer of the purchase a refund names, or null when it names none. */
    private static UUID purchaseTransfer(FeedTransaction t) {
        return t.purchaseId() == null ? null : transferId(t.purchaseId()).value();
    }

    /**
     * Whether a replay names another purchase than the stored row. A refund declined before V123
     * kept no purchase at all, so its replay is judged by the rest of the row and keeps its first
     * answer instead of id_reused (reread 2026-12-08 loyalty); a declined row moved no money.
     */
    private boolean namesAnotherPurchase(JdbcCardTransactions.Row row, FeedTransaction t) {
        if (!row.booked() && row.purchaseTransferId() == null) {
            return false;
        }
        return !Objects.equals(namedPurchase(row), purchaseTransfer(t));
    }

    /**
     * The purchase a stored refund named (review 2026-12-07 loyalty follow-up: a replay naming
     * another is id_reused): its row's, or for a row booked before the row kept it, its transfer's
     * metadata.
     */
    private UUID namedPurchase(JdbcCardTransactions.Row row) {
        if (row.purchaseTransferId() != null || !row.booked() || row.transferId() == null) {
            return row.purchaseTransferId();
        }
        return ledger.transfer(new TransferId(row.transferId()))
                .map(booked -> booked.metadata().entries().get(FeedTransaction.PURCHASE_METADATA))
                .flatMap(Uuids::parse)
                .orElse(null);
    }

    private static TransferId transferId(UUID feedId) {
        return new TransferId(
                UUID.nameUUIDFromBytes(("socialbank-cards:feed:" + feedId).getBytes(StandardCharsets.UTF_8)));
    }
}
