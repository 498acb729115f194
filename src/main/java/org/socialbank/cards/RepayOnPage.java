package org.socialbank.cards;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.ConfirmedOperations;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.OperationNotConfirmed;
import org.socialbank.directory.OperationOutcome;
import org.socialbank.directory.OperationRef;
import org.socialbank.shared.Uuids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A repayment asked for in chat ("repay in full", "repay minimum", "repay 500") is confirmed on the
 * bank's step-up page, as payments are: the page shows the amount and the card (masked), the SMS
 * code is bound to them, and only the confirmed operation is carried out, by {@link RepayCard}
 * under the repayment id the reference carries (so a second confirmation repays nothing more). Every
 * end that repays nothing is told to the chat too, not only to the page ({@link CardRepaymentNotMade}).
 */
@Component
public class RepayOnPage implements ConfirmedOperations {

    /** The owner of the operations this class starts on the step-up page; their id is {@code repayment:card}. */
    static final String OWNER = "cards-repay";

    /** What the customer asked to repay. */
    public enum What {
        FULL,
        MINIMUM,
        AMOUNT
    }

    /** The outcome of asking: a confirmation to open on the bank's page, or why not (a stable code). */
    public sealed interface Offer {}

    public record ToConfirm(
            String url, long amountMinor, org.socialbank.shared.CurrencyCode currency, String maskedNumber)
            implements Offer {}

    /**
     * {@code no_credit_card}, {@code nothing_due}, {@code exceeds_amount_owed}, {@code amount_not_valid},
     * {@code confirmation_unavailable}.
     */
    public record NotOffered(String code) implements Offer {}

    private final Cards cards;
    private final Statements statements;
    private final JdbcCardTransactions transactions;
    private final RepayCard repay;
    private final JdbcRepayments repayments;
    private final Confirmations confirmations;
    private final CardsProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RepayOnPage(
            Cards cards,
            Statements statements,
            JdbcCardTransactions transactions,
            RepayCard repay,
            JdbcRepayments repayments,
            Confirmations confirmations,
            CardsProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.cards = cards;
        this.statements = statements;
        this.transactions = transactions;
        this.repay = repay;
        this.repayments = repayments;
        this.confirmations = confirmations;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts the confirmation of a repayment of the customer's first credit card.
     *
     * @param repaymentId the repayment's id (derived from the chat message, so a redelivery asks once)
     * @param amount for {@link What#AMOUNT}, the amount in units of the card's currency (else ignored)
     */
    public Offer start(CustomerId customer, UUID repaymentId, What what, java.math.BigDecimal amount) {
        Optional<Card> card = cards.cardsOf(customer).orElse(java.util.List.of()).stream()
                .filter(Card::credit)
                .findFirst();
        if (card.isEmpty()) {
            return new NotOffered("no_credit_card");
        }
        Card c = card.get();
        long owed = cards.owedMinor(c);
        long minor;
        try {
            minor = switch (what) {
                case FULL -> owed;
                case MINIMUM -> Math.min(owed, minimumLeft(c));
                case AMOUNT -> amount.movePointRight(c.currency().exponent()).longValueExact();
            };
        } catch (ArithmeticException e) {
            return new NotOffered("amount_not_valid"); // more decimals than the currency has, or too large
        }
        if (minor <= 0 || owed <= 0) {
            return new NotOffered("nothing_due");
        }
        if (minor > owed) {
            return new NotOffered("exceeds_amount_owed");
        }
        OperationRef operation = new OperationRef(OWNER, repaymentId + ":" + c.id());
        return confirmations
                .start(new Confirmations.Request(customer, operation, minor, c.currency(), c.maskedNumber(), 0))
                .<Offer>map(started -> new ToConfirm(started.url(), minor, c.currency(), c.maskedNumber()))
                .orElse(new NotOffered("confirmation_unavailable"));
    }

    /** The latest statement's minimum less what was repaid since its statement date. */
    private long minimumLeft(Card card) {
        return statements
                .latest(card.id())
                .map(s -> Math.max(
                        0,
                        s.minimumPaymentMinor()
                                - transactions.sum(
                                        card.id(),
                                        s.statementDate(),
                                        LocalDate.now(clock.withZone(properties.zone())),
                                        JdbcCardTransactions.REPAYMENT)))
                .orElse(0L);
    }

    @Override
    public Optional<OperationOutcome> outcome(OperationRef operation) {
        return parse(operation)
                .flatMap(r -> repayments.find(r.repaymentId()))
                .map(row -> row.code() == null
                        ? new OperationOutcome.Carried()
                        : new OperationOutcome.Refused(row.code(), null));
    }

    /**
     * Carries out exactly what was confirmed: the holder, the card shown and its currency. A
     * repayment refused then (the account emptied since, the card repaid another way), or a
     * confirmation that no longer matches the card, is told to the chat ({@link CardRepaymentNotMade}).
     */
    @EventListener
    void on(OperationConfirmed event) {
        parse(event.operation()).ifPresent(r -> {
            Optional<Card> card = cards.card(r.card())
                    .filter(c -> c.customerId().equals(event.customerId())
                            && c.currency().equals(event.currency())
                            && c.maskedNumber().equals(event.payee())
                            && event.feeMinor() == 0);
            String reason = card.map(c -> repay.repay(r.repaymentId(), c.id(), event.amountMinor())
                                    instanceof RepaymentResult.Refused refused
                            ? refused.code().code()
                            : null)
                    .orElse("confirmation_mismatch");
            if (reason != null) {
                events.publishEvent(new CardRepaymentNotMade(
                        event.customerId(), event.payee(), event.amountMinor(), event.currency(), reason));
            }
        });
    }

    /** A repayment whose step-up ran out of time, was cancelled or got too many wrong codes: the chat is told. */
    @EventListener
    void on(OperationNotConfirmed event) {
        parse(event.operation())
                .flatMap(r -> cards.card(r.card()))
                .filter(c -> c.customerId().equals(event.customerId()))
                .ifPresent(c -> events.publishEvent(
                        new CardRepaymentNotMade(c.customerId(), c.maskedNumber(), 0, c.currency(), event.reason())));
    }

    private record Reference(UUID repaymentId, CardId card) {}

    private static Optional<Reference> parse(OperationRef operation) {
        if (!operation.ownedBy(OWNER)) {
            return Optional.empty();
        }
        String[] parts = operation.id().split(":");
        if (parts.length != 2) {
            return Optional.empty();
        }
        return Uuids.parse(parts[0])
                .flatMap(id -> Uuids.parse(parts[1]).map(card -> new Reference(id, new CardId(card))));
    }
}
