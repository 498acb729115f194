package org.socialbank.payments.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.payments.Payments;
import org.socialbank.payments.requests.jdbc.JdbcRequests;
import org.socialbank.payments.requests.jdbc.RequestRow;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Ends open requests without payment: the payer declines, the requester cancels, or the expiry
 * passes. Each end is a guarded UPDATE, so of two racing ends (or an end racing a payment, which
 * locks the row) exactly one wins; a payment attempt still waiting for its step-up is cancelled.
 */
@Component
class CloseRequests {

    private final JdbcRequests store;
    private final Payments payments;
    private final RequestViews views;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    CloseRequests(
            JdbcRequests store,
            Payments payments,
            RequestViews views,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.store = store;
        this.payments = payments;
        this.views = views;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** Empty when there is no such request or the customer is not its payer; else the request after. */
    Optional<MoneyRequest> decline(RequestId id, CustomerId payer) {
        return writes.write(status ->
                store.lock(id).filter(r -> payer.equals(r.payerCustomer())).map(r -> decline(r)));
    }

    /** The pay link's "I will not pay": the link's holder declines. */
    Optional<MoneyRequest> declineByToken(String tokenHash) {
        return writes.write(status ->
                store.findByToken(tokenHash).flatMap(r -> store.lock(r.id())).map(this::decline));
    }

    private MoneyRequest decline(RequestRow r) {
        if (r.open() && store.close(r.id(), RequestStatus.DECLINED, now())) {
            cancelHeldPayment(r);
            events.publishEvent(new RequestDeclined(
                    r.id(), r.splitId(), r.requester(), r.payerCustomer(), r.payer(), r.amountMinor(), r.currency()));
        }
        return views.of(store.find(r.id()).orElseThrow());
    }

    /** Empty when there is no such request or the customer is not its requester; else the request after. */
    Optional<MoneyRequest> cancel(RequestId id, CustomerId requester) {
        return writes.write(status -> store.lock(id)
                .filter(r -> r.requester().equals(requester))
                .map(r -> {
                    if (r.open() && store.close(r.id(), RequestStatus.CANCELLED, now())) {
                        cancelHeldPayment(r);
                        events.publishEvent(new RequestCancelled(
                                r.id(),
                                r.splitId(),
                                r.requester(),
                                r.payerCustomer(),
                                r.payer(),
                                r.amountMinor(),
                                r.currency()));
                    }
                    return views.of(store.find(r.id()).orElseThrow());
                }));
    }

    /** Expires open requests past their expiry, at most {@code limit}; returns how many this call expired. */
    int expireDue(int limit) {
        int expired = 0;
        for (RequestId id : store.due(now(), limit)) {
            if (writes.write(status -> store.find(id).map(this::expire).orElse(false))) {
                expired++;
            }
        }
        return expired;
    }

    /** Expires one request if it is open and due; the caller runs the transaction. */
    boolean expire(RequestRow r) {
        if (!store.expire(r.id(), now())) {
            return false;
        }
        cancelHeldPayment(r);
        events.publishEvent(new RequestExpired(
                r.id(), r.splitId(), r.requester(), r.payerCustomer(), r.payer(), r.amountMinor(), r.currency()));
        return true;
    }

    /** A payment attempt held for its step-up must not complete for a request that ended. */
    private void cancelHeldPayment(RequestRow r) {
        if (r.paying().paymentId() == null) {
            return;
        }
        PaymentId id = new PaymentId(r.paying().paymentId());
        payments.payment(id)
                .filter(p -> p.status() == PaymentStatus.AWAITING_CONFIRMATION)
                .ifPresent(p -> payments.cancel(id, p.payerCustomerId()));
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
