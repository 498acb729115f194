package org.socialbank.loyalty;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.Resolution;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.springframework.stereotype.Service;

/**
 * Points taken as a discount on a payment to an outside system (issue 16 s3.7: a bill): what a
 * customer may use on an amount, held by a pending ledger transfer (customer → redeemed) in the
 * payment's own transaction, then spent (posted, the oldest lots consumed) when the payment is
 * made or released (voided) when it is not. The bank's rewards account of the currency pays what
 * the points are worth. Every step is idempotent by the payment's id, under the customer's member
 * row, as redemptions and vouchers are.
 */
@Service
public class PointsDiscounts {

    /** What points may take off a payment: at most this share of its amount (the customer pays the rest). */
    public static final int SHARE_PERCENT_MAX = 50;

    static final String TRANSFER_CODE = "points-discount";

    /** The points a customer may use on an amount, and what they are worth in its currency. */
    public record Offer(long points, long valueMinor) {}

    private final Ledger ledger;
    private final JdbcPoints store;
    private final PointsAccounts accounts;
    private final LoyaltyProperties properties;
    private final PointsTakeBacks takeBacks;

    PointsDiscounts(
            Ledger ledger,
            JdbcPoints store,
            PointsAccounts accounts,
            LoyaltyProperties properties,
            PointsTakeBacks takeBacks) {
        this.takeBacks = takeBacks;
        this.ledger = ledger;
        this.store = store;
        this.accounts = accounts;
        this.properties = properties;
    }

    /**
     * The points the customer may use on {@code amountMinor}: what they hold (less what is held
     * already), worth at most {@link #SHARE_PERCENT_MAX}% of it; empty below the redemption minimum
     * or in a currency points have no value in.
     */
    public Optional<Offer> offer(CustomerId customer, CurrencyCode currency, long amountMinor) {
        Long value = properties.pointValueMinor().get(currency.code());
        if (value == null || amountMinor <= 0) {
            return Optional.empty();
        }
        long available = ledger.account(PointsAccounts.customer(customer))
                .map(Account::availableMinor)
                .orElse(0L);
        long points = Math.min(available, amountMinor * SHARE_PERCENT_MAX / 100 / value);
        return points < properties.redeemPointsMin()
                ? Optional.empty()
                : Optional.of(new Offer(points, points * value));
    }

    /**
     * Holds the points for the payment {@code id} in the caller's transaction; the bank's rewards
     * account of the currency, which pays their value, or empty when the customer lacks them.
     */
    public Optional<AccountId> hold(UUID id, CustomerId customer, long points, CurrencyCode currency) {
        Optional<AccountId> account = store.lockMember(customer);
        if (account.isEmpty() || points <= 0 || !properties.pointValueMinor().containsKey(currency.code())) {
            return Optional.empty();
        }
        TransferResult held = ledger.transfer(new NewTransfer(
                transferId(id),
                account.get(),
                PointsAccounts.REDEEMED,
                points,
                CurrencyCode.POINTS,
                new TransferCode(TRANSFER_CODE),
                true,
                0,
                Metadata.EMPTY));
        return held instanceof TransferResult.Posted ? Optional.of(accounts.openRewards(currency)) : Optional.empty();
    }

    /** The payment was made: the held points are spent, the oldest lots first. Once. */
    public void spend(UUID id, CustomerId customer, long points) {
        store.lockMember(customer);
        if (resolve(Resolution.post(transferId(id), OptionalLong.empty()))) {
            store.consume(customer, points, Points.LOTS_PER_REDEMPTION_MAX);
            takeBacks.holdEnded(customer, transferId(id), false);
        }
    }

    /** The payment was not made: the held points are the customer's again (less what a refund owes). */
    public void release(UUID id, CustomerId customer) {
        store.lockMember(customer);
        if (resolve(Resolution.voidIt(transferId(id)))) {
            takeBacks.holdEnded(customer, transferId(id), true);
        }
    }

    /** True when this call moved the held points; false when an earlier one had. */
    private boolean resolve(Resolution resolution) {
        return !(ledger.resolve(resolution) instanceof TransferResult.Rejected);
    }

    static TransferId transferId(UUID payment) {
        return Points.transferId("discount", payment);
    }
}
