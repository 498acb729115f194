package org.socialbank.payments.requests;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.payments.Payment;
import org.socialbank.payments.PaymentCompleted;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.PaymentOrder;
import org.socialbank.payments.PaymentRejection;
import org.socialbank.payments.PaymentResult;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.payments.Payments;
import org.socialbank.payments.requests.jdbc.JdbcRequests;
import org.socialbank.payments.requests.jdbc.RequestRow;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The payer pays a request: a push payment through {@link Payments#pay}, so limits, step-up and
 * idempotency apply as to any payment. The request row is locked for the whole of it, so two
 * racing calls pay once. The payment's id derives from the request, the payer and the attempt:
 * a replay answers the same payment, and only a refused or unconfirmed attempt lets a new one
 * start. The request becomes paid when its payment completes, at once or after the step-up.
 */
@Component
class PayRequest {

    /** Payment states after which the payer may try again with a new attempt. */
    private static final List<PaymentStatus> FAILED = List.of(
            PaymentStatus.REJECTED, PaymentStatus.NOT_CONFIRMED, PaymentStatus.CANCELLED, PaymentStatus.RETURNED);

    private final JdbcRequests store;
    private final Payments payments;
    private final Directory directory;
    private final CloseRequests closer;
    private final RequestsProperties properties;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    PayRequest(
            JdbcRequests store,
            Payments payments,
            Directory directory,
            CloseRequests closer,
            RequestsProperties properties,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.store = store;
        this.payments = payments;
        this.directory = directory;
        this.closer = closer;
        this.properties = properties;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** Empty when there is no such request; a refusal is never stored. */
    Optional<RequestPayment> pay(RequestId id, CustomerId payer, String channel, boolean answeredInChat) {
        RequestOrder.channel(channel);
        return writes.write(status -> store.lock(id).map(r -> pay(r, payer, channel, answeredInChat)));
    }

    private RequestPayment pay(RequestRow r, CustomerId payer, String channel, boolean answeredInChat) {
        if (!isPayer(r, payer)) {
            return new RequestPayment.Refused(RequestRejection.NOT_THE_PAYER);
        }
        Optional<Payment> current = Optional.ofNullable(r.paying().paymentId())
                .flatMap(p -> payments.payment(new PaymentId(p)))
                .filter(p -> p.payerCustomerId().equals(payer));
        if (r.status() == RequestStatus.PAID) {
            return current.<RequestPayment>map(RequestPayment.Attempted::new)
                    .orElseGet(() -> new RequestPayment.Refused(RequestRejection.REQUEST_PAID));
        }
        if (!r.open()) {
            return new RequestPayment.Refused(RequestRejection.ended(r.status()));
        }
        if (!r.expiresAt().isAfter(clock.instant())) {
            closer.expire(r);
            return new RequestPayment.Refused(RequestRejection.REQUEST_EXPIRED);
        }
        if (current.isPresent() && !FAILED.contains(current.get().status())) {
            return new RequestPayment.Attempted(current.get()); // a replay, or an attempt that waits for its step-up
        }
        int attempt = current.isPresent()
                ? r.paying().attempt() + 1
                : Math.max(1, r.paying().attempt());
        if (attempt > properties.payAttemptsMax()) {
            return new RequestPayment.Refused(RequestRejection.TOO_MANY_ATTEMPTS);
        }
        Optional<Alias> payee = payee(r);
        if (payee.isEmpty()) {
            return new RequestPayment.Refused(RequestRejection.REQUESTER_CANNOT_RECEIVE);
        }
        PaymentId paymentId = paymentId(r.id(), payer, attempt);
        // recorded first, so that the completion (now, or after the step-up) finds its request
        store.recordAttempt(r.id(), payer, attempt, paymentId.value(), now());
        PaymentResult result = payments.pay(new PaymentOrder(
                paymentId, payer, payee.get(), r.amountMinor(), r.currency(), channel, answeredInChat));
        if (result instanceof PaymentResult.Refused refused) {
            return new RequestPayment.Refused(refusal(refused.rejection()));
        }
        Payment payment = ((PaymentResult.Recorded) result).payment();
        if (payment.status() == PaymentStatus.COMPLETED) {
            settle(r.id(), payment.id());
        }
        return new RequestPayment.Attempted(payment);
    }

    /**
     * Why payments refused to record the payment of a request, said of the request. Its id derives
     * from the request, the payer and a new attempt, so it is never another payment's.
     */
    private static RequestRejection refusal(PaymentRejection why) {
        if (why != PaymentRejection.PAYER_NOT_FOUND) {
            throw new IllegalStateException("the payment of a request was refused with " + why.code());
        }
        return RequestRejection.PAYER_NOT_FOUND;
    }

    /** The payer of a request to an alias that was nobody's may be the customer who holds it now. */
    private boolean isPayer(RequestRow r, CustomerId payer) {
        if (r.payerCustomer() != null) {
            return r.payerCustomer().equals(payer);
        }
        return directory
                .resolve(r.payer())
                .map(AliasMatch::customerId)
                .filter(payer::equals)
                .isPresent();
    }

    /**
     * The alias to pay the requester at: the one stored with the request while it is still
     * theirs, else another of theirs now (an alias can change hands; money must not follow it).
     */
    private Optional<Alias> payee(RequestRow r) {
        if (directory
                .resolve(r.parties().requesterAlias())
                .map(AliasMatch::customerId)
                .filter(r.requester()::equals)
                .isPresent()) {
            return Optional.of(r.parties().requesterAlias());
        }
        return directory.customer(r.requester()).flatMap(AskForMoney::payableAlias);
    }

    static PaymentId paymentId(RequestId request, CustomerId payer, int attempt) {
        return new PaymentId(UUID.nameUUIDFromBytes(
                ("socialbank-request:" + request + ":pay:" + payer + ":" + attempt).getBytes(StandardCharsets.UTF_8)));
    }

    /** A payment of a request completed, now or after its step-up (in the transaction that completed it). */
    @EventListener
    void on(PaymentCompleted completed) {
        store.byPayment(completed.paymentId().value()).ifPresent(r -> settle(r.id(), completed.paymentId()));
    }

    private void settle(RequestId id, PaymentId paymentId) {
        if (store.markPaid(id, paymentId.value(), null, now())) {
            RequestRow r = store.find(id).orElseThrow();
            events.publishEvent(new RequestPaid(
                    r.id(), r.splitId(), r.requester(), r.payerCustomer(), r.amountMinor(), r.currency(), paymentId));
        }
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
