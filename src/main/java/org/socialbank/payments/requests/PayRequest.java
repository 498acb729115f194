package org.socialbank.payments.requests;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.socialbank.payments.PaymentStatus;
import org.socialbank.payments.Payments;
import org.socialbank.payments.requests.jdbc.JdbcRequests;
import org.socialbank.payments.requests.jdbc.RequestRow;
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
    private static final List<PaymentStatus> FAILED = List.of(PaymentStatus.REJECTED, PaymentStatus.NOT_CONFIRMED,
            PaymentStatus.CANCELLED, PaymentStatus.RETURNED);

    private final JdbcRequests store;
    private final Payments payments;
    private final Directory directory;
    private final CloseRequests closer;
    private final RequestsProperties properties;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    PayRequest(JdbcRequests store, Payments payments, Directory directory, CloseRequests closer,
            RequestsProperties properties, ApplicationEventPublisher events, DurableTransactions writes, Clock clock) {
        this.store = store;
        this.payments = payments;
        this.directory = directory;
        this.closer = closer;
        this.properties = properties;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** Empty when there is no such request; a refusal is a rejected payment with a code, never stored. */
    Optional<Payment> pay(RequestId id, CustomerId payer, String channel) {
        RequestOrder.channel(channel);
        return writes.write(status -> store.lock(id).map(r -> pay(r, payer, channel)));
    }

    private Payment pay(RequestRow r, CustomerId payer, String channel) {
        if (!isPayer(r, payer)) {
            return refused(r, payer, channel, "not_the_payer");
        }
        Optional<Payment> current = Optional.ofNullable(r.paymentId()).flatMap(p -> payments.payment(new PaymentId(p)))
                .filter(p -> p.payerCustomerId().equals(payer));
        if (r.status() == RequestStatus.PAID) {
            return current.orElseGet(() -> refused(r, payer, channel, "request_paid"));
        }
        if (!r.open()) {
            return refused(r, payer, channel, "request_" + r.status().wireName());
        }
        if (!r.expiresAt().isAfter(clock.instant())) {
            closer.expire(r);
            return refused(r, payer, channel, "request_expired");
        }
        if (current.isPresent() && !FAILED.contains(current.get().status())) {
            return current.get(); // a replay, or an attempt that waits for its step-up
        }
        int attempt = current.isPresent() ? r.payAttempt() + 1 : Math.max(1, r.payAttempt());
        if (attempt > properties.payAttemptsMax()) {
            return refused(r, payer, channel, "too_many_attempts");
        }
        Optional<Alias> payee = payee(r);
        if (payee.isEmpty()) {
            return refused(r, payer, channel, "requester_cannot_receive");
        }
        PaymentId paymentId = paymentId(r.id(), payer, attempt);
        // recorded first, so that the completion (now, or after the step-up) finds its request
        store.recordAttempt(r.id(), payer, attempt, paymentId.value(), now());
        Payment payment = payments.pay(new PaymentOrder(paymentId, payer, payee.get(), r.amountMinor(), r.currency(),
                channel));
        if (payment.status() == PaymentStatus.COMPLETED) {
            settle(r.id(), payment.id());
        }
        return payment;
    }

    /** The payer of a request to an alias that was nobody's may be the customer who holds it now. */
    private boolean isPayer(RequestRow r, CustomerId payer) {
        if (r.payerCustomer() != null) {
            return r.payerCustomer().equals(payer);
        }
        return directory.resolve(r.payer()).map(AliasMatch::customerId).filter(payer::equals).isPresent();
    }

    /**
     * The alias to pay the requester at: the one stored with the request while it is still
     * theirs, else another of theirs now (an alias can change hands; money must not follow it).
     */
    private Optional<Alias> payee(RequestRow r) {
        if (directory.resolve(r.requesterAlias()).map(AliasMatch::customerId).filter(r.requester()::equals)
                .isPresent()) {
            return Optional.of(r.requesterAlias());
        }
        return directory.customer(r.requester()).flatMap(AskForMoney::payableAlias);
    }

    static PaymentId paymentId(RequestId request, CustomerId payer, int attempt) {
        return new PaymentId(UUID.nameUUIDFromBytes(("socialbank-request:" + request + ":pay:" + payer + ":" + attempt)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** A payment of a request completed, now or after its step-up (in the transaction that completed it). */
    @EventListener
    void on(PaymentCompleted completed) {
        store.byPayment(completed.paymentId().value()).ifPresent(r -> settle(r.id(), completed.paymentId()));
    }

    private void settle(RequestId id, PaymentId paymentId) {
        if (store.markPaid(id, paymentId.value(), null, now())) {
            RequestRow r = store.find(id).orElseThrow();
            events.publishEvent(new RequestPaid(r.id(), r.splitId(), r.requester(), r.payerCustomer(), r.amountMinor(),
                    r.currency(), paymentId));
        }
    }

    private static Payment refused(RequestRow r, CustomerId payer, String channel, String code) {
        return new Payment(paymentId(r.id(), payer, 0), payer, r.requesterAlias(), r.requester(),
                r.requesterMaskedName(), r.amountMinor(), r.currency(), channel, PaymentStatus.REJECTED, code, null,
                null, null, null, null, null, null, null, List.of(), null, null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
