package org.socialbank.billing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.loyalty.PointsDiscounts;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.ProviderAnswer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loyalty points as a share of a payment to a provider (issue 16 s3.7), the same for a bill paid by
 * account number, an Iranian bill and a top-up: in the payment's transaction the points the
 * customer may use are held ({@link #hold}: {@link PointsDiscounts}, at most half the amount), the
 * customer's own transfer reserves the rest, and the bank's rewards account reserves what the
 * points are worth ({@link #reserve}), pending to the same provider account; when the provider
 * answers, that share is posted and the points spent, or voided and the points released
 * ({@link #settle}). Iranian bills and top-ups keep the share in {@code billing_points_shares}
 * ({@link #record}, {@link #find}); account bills on their own row. A payment held for the step-up
 * holds nothing while it waits: the customer's choice is kept ({@link #choose}) and the points are
 * held when they confirm on the bank's page ({@link #holdChosen}).
 */
@Component
class PointsShares {

    /** Points held for a payment: how many, what they are worth and the rewards account that pays it. */
    record Held(long points, long valueMinor, AccountId rewards) {}

    /** The points a payment used, their worth and the rewards account's pending transfer. */
    record Share(long points, long discountMinor, UUID transferId) {}

    /**
     * The points a customer chose on a payment held for the step-up, at its confirmation: whether
     * they chose them, and those held now (empty: none chosen, or too few left by then).
     */
    record Chosen(boolean chosen, Optional<Held> held) {

        static final Chosen NONE = new Chosen(false, Optional.empty());

        /** Chosen, but the customer no longer holds enough points: the whole amount is theirs to pay. */
        boolean unavailable() {
            return chosen && held.isEmpty();
        }
    }

    private final PointsDiscounts discounts;
    private final Ledger ledger;
    private final Settlements settlements;
    private final JdbcClient jdbc;
    private final Clock clock;

    PointsShares(PointsDiscounts discounts, Ledger ledger, Settlements settlements, JdbcClient jdbc, Clock clock) {
        this.discounts = discounts;
        this.ledger = ledger;
        this.settlements = settlements;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the customer may take off {@code amountMinor} with points; empty when too few. Reads only. */
    Optional<PointsDiscounts.Offer> offer(CustomerId customer, CurrencyCode currency, long amountMinor) {
        return discounts.offer(customer, currency, amountMinor);
    }

    /** Holds the points the customer may use on the payment {@code id}, in the caller's transaction; empty when none. */
    Optional<Held> hold(UUID id, CustomerId customer, CurrencyCode currency, long amountMinor) {
        return discounts
                .offer(customer, currency, amountMinor)
                .flatMap(o -> discounts
                        .hold(id, customer, o.points(), currency)
                        .map(rewards -> new Held(o.points(), o.valueMinor(), rewards)));
    }

    /**
     * The customer chose points on the payment {@code id} that the risk policy held for the step-up,
     * in the transaction that held it: nothing is held while it waits, the choice is kept.
     */
    void choose(UUID id, CustomerId customer) {
        jdbc.sql("INSERT INTO billing_points_chosen (payment_id, customer_id, created_at) VALUES (?, ?, ?)")
                .params(id, customer.value(), Microseconds.now(clock).atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * The held payment {@code id} was confirmed on the bank's page, in the transaction that closed
     * the step-up (once: only a payment still waiting is confirmed): when its customer chose points
     * ({@link #choose}), those they may use now are held, as {@link #hold} does.
     */
    Chosen holdChosen(UUID id, CustomerId customer, CurrencyCode currency, long amountMinor) {
        boolean chosen = jdbc.sql("SELECT COUNT(*) FROM billing_points_chosen WHERE payment_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
        return chosen ? new Chosen(true, hold(id, customer, currency, amountMinor)) : Chosen.NONE;
    }

    /** The customer's own transfer was refused: the held points are theirs again. */
    void release(UUID id, CustomerId customer) {
        discounts.release(id, customer);
    }

    /**
     * The rewards account's pending transfer of the points' worth to the provider's account {@code to},
     * under {@code transferId}; a refusal breaks an invariant (the rewards account may go negative).
     */
    UUID reserve(
            UUID transferId,
            Held held,
            AccountId to,
            CurrencyCode currency,
            String transferCode,
            long timeoutSeconds,
            Metadata metadata) {
        if (ledger.transfer(new NewTransfer(
                        new TransferId(transferId),
                        held.rewards(),
                        to,
                        held.valueMinor(),
                        currency,
                        new TransferCode(transferCode),
                        true,
                        timeoutSeconds,
                        metadata))
                instanceof TransferResult.Rejected rejected) {
            throw new IllegalStateException(
                    "the rewards account refused a discount: " + rejected.code().code());
        }
        return transferId;
    }

    /** Records an Iranian bill's or a top-up's share, in the transaction that reserved it. */
    Share record(
            UUID paymentId,
            CustomerId customer,
            Held held,
            CurrencyCode currency,
            AccountId to,
            String transferCode,
            long timeoutSeconds,
            Metadata metadata) {
        UUID transfer = reserve(
                UUID.nameUUIDFromBytes(("points-share|" + paymentId).getBytes(StandardCharsets.UTF_8)),
                held,
                to,
                currency,
                transferCode,
                timeoutSeconds,
                metadata);
        jdbc.sql("INSERT INTO billing_points_shares (payment_id, customer_id, points, discount_minor, currency, "
                        + "transfer_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        paymentId,
                        customer.value(),
                        held.points(),
                        held.valueMinor(),
                        currency.code(),
                        transfer,
                        Microseconds.now(clock).atOffset(ZoneOffset.UTC))
                .update();
        return new Share(held.points(), held.valueMinor(), transfer);
    }

    /** The share recorded for an Iranian bill or a top-up; empty when it used no points. */
    Optional<Share> find(UUID paymentId) {
        return jdbc.sql("SELECT points, discount_minor, transfer_id FROM billing_points_shares WHERE payment_id = ?")
                .param(paymentId)
                .query((rs, n) -> new Share(
                        rs.getLong("points"), rs.getLong("discount_minor"), rs.getObject("transfer_id", UUID.class)))
                .optional();
    }

    /**
     * The provider answered (not Unknown), in the transaction booking it: the share goes with the
     * customer's transfer, posted and the points spent, or voided and the points released. Once:
     * the caller books only payments still PENDING or UNKNOWN.
     */
    void settle(
            UUID paymentId,
            CustomerId customer,
            Share share,
            ProviderAnswer answer,
            boolean completed,
            String refusedCode,
            String timeoutCode) {
        settlements.book(paymentId, share.transferId(), answer, refusedCode, timeoutCode);
        if (completed) {
            discounts.spend(paymentId, customer, share.points());
        } else {
            discounts.release(paymentId, customer);
        }
    }

    /** As {@link #settle}, the share an Iranian bill or a top-up recorded ({@link #record}); empty when it used none. */
    Optional<Share> settleRecorded(
            UUID paymentId,
            CustomerId customer,
            ProviderAnswer answer,
            boolean completed,
            String refusedCode,
            String timeoutCode) {
        Optional<Share> share = find(paymentId);
        share.ifPresent(s -> settle(paymentId, customer, s, answer, completed, refusedCode, timeoutCode));
        return share;
    }
}
