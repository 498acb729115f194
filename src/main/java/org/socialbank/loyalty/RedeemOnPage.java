package org.socialbank.loyalty;

import java.util.Optional;
import java.util.UUID;
import org.socialbank.cards.Card;
import org.socialbank.cards.CardId;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.ConfirmedOperations;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.OperationNotConfirmed;
import org.socialbank.directory.OperationOutcome;
import org.socialbank.directory.OperationRef;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.shared.Uuids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Redeem 500 points" in chat is confirmed on the bank's step-up page as an operation whose label,
 * "Redeem 500 points for a €5.00 credit on card 510012******1234", is bound to the SMS code. Only
 * the confirmed redemption is carried out, under the id the reference carries (so a second submit
 * redeems nothing more), and the chat is told ({@link PointsRedeemed}), as it is of a redemption
 * refused then or never confirmed ({@link PointsNotRedeemed}).
 */
@Component
public class RedeemOnPage implements ConfirmedOperations {

    /** The owner of the operations this class starts on the step-up page; their id is {@code redemption:points:card}. */
    static final String OWNER = "loyalty-redeem";

    /** A confirmation to open at {@code url}, or why not: a {@link PointsRefusal} code or {@code confirmation_unavailable}. */
    public record Offer(
            String url,
            long points,
            long amountMinor,
            org.socialbank.shared.CurrencyCode currency,
            String maskedNumber,
            String refusal) {

        static Offer refused(String code) {
            return new Offer(null, 0, 0, null, null, code);
        }
    }

    private final Points points;
    private final Confirmations confirmations;
    private final Directory directory;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final VoucherOnPage vouchers;

    RedeemOnPage(
            Points points,
            Confirmations confirmations,
            Directory directory,
            MessageSource messages,
            ApplicationEventPublisher events,
            VoucherOnPage vouchers) {
        this.vouchers = vouchers;
        this.points = points;
        this.confirmations = confirmations;
        this.directory = directory;
        this.messages = messages;
        this.events = events;
    }

    /** Points redeemed for a partner's voucher, confirmed on the same page (the chat reaches both through here). */
    public VoucherOnPage vouchers() {
        return vouchers;
    }

    /**
     * Starts the confirmation of redeeming {@code count} points onto the customer's first credit card.
     *
     * @param redemptionId derived from the chat message, so a redelivery asks for the same redemption
     */
    public Offer start(CustomerId customer, UUID redemptionId, long count) {
        if (count < points.redeemPointsMin()) {
            return Offer.refused(PointsRefusal.POINTS_NOT_VALID.code());
        }
        Optional<Card> card = points.creditCard(customer, null);
        if (card.isEmpty()) {
            return Offer.refused(PointsRefusal.NO_CREDIT_CARD.code());
        }
        long available = points.available(customer); // held points are not available
        if (available < count) {
            return Offer.refused(PointsRefusal.INSUFFICIENT_POINTS.code());
        }
        Card c = card.get();
        Optional<Long> value = points.valueMinor(count, c.currency());
        if (value.isEmpty()) {
            return Offer.refused(PointsRefusal.CURRENCY_NOT_REDEEMABLE.code());
        }
        OperationRef reference = new OperationRef(OWNER, redemptionId + ":" + count + ":" + c.id().value());
        return confirmations
                .start(Confirmations.Request.operation(
                        customer, reference, label(customer, count, value.get(), c), c.currency()))
                .map(started -> new Offer(started.url(), count, value.get(), c.currency(), c.maskedNumber(), null))
                .orElse(Offer.refused("confirmation_unavailable"));
    }

    private String label(CustomerId customer, long count, long valueMinor, Card card) {
        Language language =
                directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
        return messages.getMessage(
                "loyalty.redeem.label",
                new Object[] {
                    count, MoneyFormat.format(valueMinor, card.currency(), language.locale()), card.maskedNumber()
                },
                language.locale());
    }

    @Override
    public Optional<OperationOutcome> outcome(OperationRef operation) {
        return parse(operation)
                .map(r -> points.redemption(r.id())
                        .map(result -> result instanceof RedemptionResult.Refused f
                                ? (OperationOutcome)
                                        new OperationOutcome.Refused(f.code().code(), null)
                                : new OperationOutcome.Carried())
                        .orElse(new OperationOutcome.Refused("not_redeemed", null)));
    }

    /** Redeems exactly what was confirmed: the holder's points, onto the card the page named. */
    @EventListener
    void on(OperationConfirmed event) {
        parse(event.operation())
                .filter(r -> event.amountMinor() == 0 && event.feeMinor() == 0)
                .ifPresent(r -> {
                    Optional<Card> card = points.creditCard(event.customerId(), r.card());
                    if (card.isEmpty() || !event.payee().contains(card.get().maskedNumber())) {
                        events.publishEvent(new PointsNotRedeemed(
                                event.customerId(), r.points(), PointsNotRedeemed.CONFIRMATION_MISMATCH));
                        return;
                    }
                    boolean answeredBefore = points.redemption(r.id()).isPresent();
                    RedemptionResult result = points.redeem(
                            new Points.RedemptionRequest(r.id(), event.customerId(), r.points(), r.card()));
                    if (result instanceof RedemptionResult.Redeemed done && !done.replayed()) {
                        Redemption d = done.redemption();
                        events.publishEvent(new PointsRedeemed(
                                d.customerId(), d.points(), d.amountMinor(), d.currency(), d.maskedNumber()));
                    } else if (result instanceof RedemptionResult.Refused refused && !answeredBefore) {
                        events.publishEvent(new PointsNotRedeemed(
                                event.customerId(), r.points(), refused.code().code()));
                    }
                });
    }

    /** The step-up ended without the code (expired, too many wrong codes, cancelled): the chat is told. */
    @EventListener
    void on(OperationNotConfirmed event) {
        parse(event.operation())
                .filter(r -> points.redemption(r.id()).isEmpty())
                .ifPresent(r ->
                        events.publishEvent(new PointsNotRedeemed(event.customerId(), r.points(), event.reason())));
    }

    private record Reference(UUID id, long points, CardId card) {}

    private static Optional<Reference> parse(OperationRef operation) {
        if (!operation.ownedBy(OWNER)) {
            return Optional.empty();
        }
        String[] parts = operation.id().split(":");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            long points = Long.parseLong(parts[1]);
            return Uuids.parse(parts[0])
                    .flatMap(id -> Uuids.parse(parts[2]).map(card -> new Reference(id, points, new CardId(card))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
