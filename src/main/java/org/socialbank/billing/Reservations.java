package org.socialbank.billing;

import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.springframework.stereotype.Component;

/**
 * Reserves a payment's money before its provider is asked, the same for card transfers, top-ups,
 * Iranian and account bills: a pending ledger transfer from the customer's account to the
 * provider's settlement account that never expires on the ledger's own timer (review 2026-12-07 money
 * #4): while the provider's answer is unknown the money stays held, and only a definitive answer
 * (posted or voided by {@link Settlements}) releases it; when loyalty points pay a
 * share (issue 16 s3.7) the customer's transfer is the amount less their worth, and the rewards
 * account's pending transfer of that worth goes to the same account ({@link PointsShares}). Runs in
 * the caller's transaction; {@link Settlements} books the provider's answer on the same transfers.
 */
@Component
class Reservations {

    /**
     * The ledger's "never expires" ({@code timeoutSeconds} 0): a provider may have paid a payment
     * whose answer is late, and the ledger expiring its reservation would release money that was
     * spent. The janitor keeps asking; a payment in doubt for {@code pending-timeout} is reported.
     */
    static final long NO_TIMEOUT = 0;

    /**
     * A payment's money to reserve.
     *
     * @param paymentId the payment's id (the points are held under it)
     * @param transferId the customer's pending transfer
     * @param to the provider's settlement account
     * @param amountMinor the whole amount, points' share included
     */
    record Pending(
            UUID paymentId,
            CustomerId customer,
            UUID transferId,
            AccountId from,
            AccountId to,
            long amountMinor,
            org.socialbank.shared.CurrencyCode currency,
            String transferCode,
            Metadata metadata) {}

    private final Ledger ledger;
    private final PointsShares shares;

    Reservations(Ledger ledger, PointsShares shares) {
        this.ledger = ledger;
        this.shares = shares;
    }

    /**
     * The customer's pending transfer of the amount less what the held {@code points} are worth.
     * Refused by the ledger (no funds, a frozen account): the points are the customer's again and
     * the payment's code is returned; else empty, and the caller records the points' share.
     */
    Optional<String> reserve(Pending p, Optional<PointsShares.Held> points) {
        long discount = points.map(PointsShares.Held::valueMinor).orElse(0L);
        TransferResult result = ledger.transfer(new NewTransfer(
                new TransferId(p.transferId()),
                p.from(),
                p.to(),
                p.amountMinor() - discount,
                p.currency(),
                new TransferCode(p.transferCode()),
                true,
                NO_TIMEOUT,
                p.metadata()));
        if (result instanceof TransferResult.Rejected rejected) {
            points.ifPresent(held -> shares.release(p.paymentId(), p.customer()));
            return Optional.of(ledgerCode(rejected.code()));
        }
        return Optional.empty();
    }

    /** The rewards account's pending transfer of the points' worth, under {@code transferId}; returns it. */
    UUID reservePoints(Pending p, PointsShares.Held held, UUID transferId) {
        return shares.reserve(transferId, held, p.to(), p.currency(), p.transferCode(), NO_TIMEOUT, p.metadata());
    }

    /** As {@link #reservePoints}, kept in {@code billing_points_shares} (Iranian bills and top-ups). */
    void recordPoints(Pending p, PointsShares.Held held) {
        shares.record(
                p.paymentId(), p.customer(), held, p.currency(), p.to(), p.transferCode(), NO_TIMEOUT, p.metadata());
    }

    /** A ledger refusal as the payment's code: the customer's "insufficient funds" for exceeded credits. */
    static String ledgerCode(RejectionCode code) {
        return code == RejectionCode.EXCEEDS_CREDITS ? "insufficient_funds" : code.code();
    }
}
