package org.socialbank.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.Resolution;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.payments.jdbc.JdbcPayments;
import org.socialbank.payments.jdbc.PaymentRow;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Gives escrowed money back to the payer: when the payer cancels before the claim, and when
 * nobody claimed it in time (the janitor). Each locks the payment row, so a claim racing either
 * of them finds the payment already settled one way or the other.
 */
@Component
class ReturnPayment {

    private static final Logger log = LoggerFactory.getLogger(ReturnPayment.class);

    private final JdbcPayments store;
    private final Ledger ledger;
    private final Confirmations confirmations;
    private final PaymentViews views;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    ReturnPayment(
            JdbcPayments store,
            Ledger ledger,
            Confirmations confirmations,
            PaymentViews views,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.confirmations = confirmations;
        this.views = views;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** Cancels an unclaimed (or unconfirmed) payment of this payer; anything else is left as it is. */
    Payment cancel(PaymentId id, CustomerId by) {
        return writes.write(status -> {
            PaymentRow r = store.lock(id).orElseThrow(() -> new IllegalArgumentException("no payment " + id));
            if (!r.payer().equals(by)) {
                return views.of(r);
            }
            if (r.status() == PaymentStatus.AWAITING_CONFIRMATION) {
                store.changeStatus(id, PaymentStatus.CANCELLED, null, now());
                if (r.confirmation().challengeId() != null) {
                    confirmations.cancel(
                            r.confirmation().challengeId()); // the page must not say "Confirmed" later (review #20)
                }
            } else if (r.status() == PaymentStatus.AWAITING_CLAIM) {
                boolean expired = !r.claim().expiresAt().isAfter(now());
                giveBack(r, expired ? PaymentStatus.RETURNED : PaymentStatus.CANCELLED, expired ? "expired" : null);
            }
            return views.of(store.find(id).orElseThrow());
        });
    }

    /** Returns unclaimed payments past their expiry, at most {@code limit}; returns how many. */
    int expireDue(int limit) {
        int returned = 0;
        for (PaymentId id : store.dueClaims(now(), limit)) {
            returned += writes.write(status -> store.lock(id)
                    .filter(r -> r.status() == PaymentStatus.AWAITING_CLAIM
                            && !r.claim().expiresAt().isAfter(now()))
                    .map(r -> {
                        giveBack(r, PaymentStatus.RETURNED, "expired");
                        return 1;
                    })
                    .orElse(0));
        }
        return returned;
    }

    /**
     * Voids the escrow's pending transfer (or expires it, once due: the ledger's own janitor may
     * have done so first, which is just as good) and records the payment's end.
     */
    private void giveBack(PaymentRow r, PaymentStatus end, String code) {
        TransferId pending = new TransferId(r.transfers().transferId());
        boolean due = !r.claim().expiresAt().isAfter(now());
        TransferResult result = ledger.resolve(due ? Resolution.expire(pending) : Resolution.voidIt(pending));
        UUID resolution = null;
        if (result instanceof TransferResult.Posted posted) {
            resolution = posted.transfer().id().value();
        } else {
            RejectionCode why = ((TransferResult.Rejected) result).code();
            if (why != RejectionCode.PENDING_EXPIRED && why != RejectionCode.PENDING_ALREADY_VOIDED) {
                log.error("Payment {}: its escrow could not be released ({}); left as it is", r.id(), why.code());
                throw new IllegalStateException(
                        "the escrow of payment " + r.id() + " cannot be released: " + why.code());
            }
        }
        store.recordReturn(r.id(), end, code, resolution, now());
        events.publishEvent(new PaymentReturned(
                r.id(), r.payer(), r.amountMinor(), r.currency(), end == PaymentStatus.CANCELLED ? "cancelled" : code));
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
