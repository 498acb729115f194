package org.socialbank.loyalty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.ConfirmedOperations;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.OperationNotConfirmed;
import org.socialbank.directory.OperationOutcome;
import org.socialbank.directory.OperationRef;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.Uuids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Redeem coffee" in chat (issue 16 s3): points buy a partner's voucher only once confirmed on the
 * bank's step-up page, where the label "300 points for Café Lumière: A coffee of your choice" is
 * bound to the SMS code (spending points is spending value). The confirmed order holds the points at
 * once and asks the partner after that transaction commits; its end is told in the chat
 * ({@link VoucherOrderEnded}), the code itself on the bank's page ({@link VoucherCodes}).
 */
@Component
public class VoucherOnPage implements ConfirmedOperations {

    /** The owner of the operations this class starts on the step-up page; their id is {@code order:reward}. */
    static final String OWNER = "loyalty-voucher";

    /** A confirmation to open at {@code url}, or why not: a {@link PointsRefusal} code or {@code confirmation_unavailable}. */
    public record Offer(String url, Rewards.Reward reward, String refusal) {

        static Offer refused(String code, Rewards.Reward reward) {
            return new Offer(null, reward, code);
        }
    }

    private final Vouchers vouchers;
    private final Points points;
    private final Confirmations confirmations;
    private final Directory directory;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    VoucherOnPage(
            Vouchers vouchers,
            Points points,
            Confirmations confirmations,
            Directory directory,
            MessageSource messages,
            ApplicationEventPublisher events) {
        this.events = events;
        this.vouchers = vouchers;
        this.points = points;
        this.confirmations = confirmations;
        this.directory = directory;
        this.messages = messages;
    }

    /** What the partner offers, cheapest first. */
    public List<Rewards.Reward> catalogue() {
        return vouchers.catalogue().stream()
                .sorted(java.util.Comparator.comparingLong(Rewards.Reward::points))
                .toList();
    }

    /** The reward a text names: its code, or a word of its partner's name ("coffee", "cinéma"). */
    public Optional<Rewards.Reward> named(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<Rewards.Reward> byCode =
                catalogue().stream().filter(r -> r.code().equals(key)).findFirst();
        return byCode.isPresent()
                ? byCode
                : catalogue().stream()
                        .filter(r -> r.partner().toLowerCase(Locale.ROOT).contains(key))
                        .findFirst();
    }

    /**
     * Starts the confirmation of ordering the reward the text names.
     *
     * @param orderId derived from the chat message, so a redelivery asks for the same order
     */
    public Offer start(CustomerId customer, UUID orderId, String rewardText) {
        Optional<Rewards.Reward> found = named(rewardText);
        if (found.isEmpty()) {
            return Offer.refused(PointsRefusal.REWARD_NOT_FOUND.code(), null);
        }
        Rewards.Reward reward = found.get();
        long available = points.available(customer); // held points are not available
        if (available < reward.points()) {
            return Offer.refused(PointsRefusal.INSUFFICIENT_POINTS.code(), reward);
        }
        Optional<CurrencyCode> currency = currency(customer);
        if (currency.isEmpty()) {
            return Offer.refused("confirmation_unavailable", reward);
        }
        OperationRef reference = new OperationRef(OWNER, orderId + ":" + reward.code());
        return confirmations
                .start(Confirmations.Request.operation(customer, reference, label(customer, reward), currency.get()))
                .map(started -> new Offer(started.url(), reward, null))
                .orElse(Offer.refused("confirmation_unavailable", reward));
    }

    /**
     * The step-up page shows money only (points are not money, ADR 0011): the operation moves none
     * and is written in the currency of the customer's primary account.
     */
    private Optional<CurrencyCode> currency(CustomerId customer) {
        return directory
                .customer(customer)
                .flatMap(v -> v.accounts().stream()
                        .sorted(java.util.Comparator.comparing(a -> !a.primary()))
                        .findFirst())
                .flatMap(a -> CurrencyCode.find(a.currency()))
                .filter(CurrencyCode::money);
    }

    private String label(CustomerId customer, Rewards.Reward reward) {
        Language language =
                directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
        String label = messages.getMessage(
                        "loyalty.voucher.label",
                        new Object[] {
                            java.text.NumberFormat.getIntegerInstance(language.locale())
                                    .format(reward.points()),
                            reward.partner(),
                            reward.name()
                        },
                        language.locale())
                .replace('|', '/');
        return label.length() <= 120 ? label : label.substring(0, 119) + "…";
    }

    @Override
    public Optional<OperationOutcome> outcome(OperationRef operation) {
        return parse(operation)
                .map(r -> vouchers.voucher(r.id())
                        .map(v -> v.status() == Voucher.Status.REFUSED || v.status() == Voucher.Status.FAILED
                                ? (OperationOutcome) new OperationOutcome.Refused(
                                        v.reason() == null ? "not_ordered" : v.reason(), null)
                                : new OperationOutcome.Carried())
                        .orElse(new OperationOutcome.Refused("not_ordered", null)));
    }

    /** Orders exactly what was confirmed: the holder's points, for the reward the page named. */
    @EventListener
    void on(OperationConfirmed event) {
        parse(event.operation())
                .filter(r -> event.amountMinor() == 0 && event.feeMinor() == 0)
                .ifPresent(r -> {
                    Optional<Rewards.Reward> reward = catalogue().stream()
                            .filter(w -> w.code().equals(r.reward()))
                            .findFirst();
                    if (reward.isPresent()
                            && event.payee().contains(reward.get().partner().replace('|', '/'))) {
                        vouchers.orderOnCommit(r.id(), event.customerId(), r.reward());
                    }
                });
    }

    /**
     * The step-up ended without the code (expired, too many wrong codes, cancelled): nothing was
     * ordered, and the chat is told so ({@link PointsNotRedeemed}), as of a redemption.
     */
    @EventListener
    void on(OperationNotConfirmed event) {
        parse(event.operation())
                .filter(r -> vouchers.voucher(r.id()).isEmpty())
                .flatMap(r -> catalogue().stream()
                        .filter(w -> w.code().equals(r.reward()))
                        .findFirst())
                .ifPresent(reward -> events.publishEvent(
                        new PointsNotRedeemed(event.customerId(), reward.points(), event.reason())));
    }

    private record Reference(UUID id, String reward) {}

    private static Optional<Reference> parse(OperationRef operation) {
        if (!operation.ownedBy(OWNER)) {
            return Optional.empty();
        }
        String[] parts = operation.id().split(":");
        return parts.length == 2 ? Uuids.parse(parts[0]).map(id -> new Reference(id, parts[1])) : Optional.empty();
    }
}
