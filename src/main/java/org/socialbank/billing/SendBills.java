package org.socialbank.billing;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.ProviderAnswer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Talks to the biller about reserved payments, never inside a transaction, and books what it
 * said: Succeeded posts the pending transfer (COMPLETED), Failed voids it (FAILED: the money is back),
 * Unknown leaves the money reserved (UNKNOWN) for the janitor, which asks the biller again once
 * {@code recheck-after} has passed; a payment the biller never received is then voided too. The
 * worker sends payments confirmed on the step-up page.
 */
@Component
class SendBills {

    static final String BILLER_REFUSED = "biller_refused";
    static final String BILLER_TIMEOUT = "biller_timeout";
    private static final Logger log = LoggerFactory.getLogger(SendBills.class);

    private final ProviderCalls calls;
    private final ProviderCalls.Kind<BillPaymentId, JdbcBillPayments.Row> kind;
    private final BillingProperties properties;
    private final ApplicationEventPublisher events;
    private final PointsShares shares;

    SendBills(
            JdbcBillPayments store,
            Biller biller,
            ProviderCalls calls,
            BillingProperties properties,
            ApplicationEventPublisher events,
            PointsShares shares) {
        this.shares = shares;
        properties.requireRecheckAfterLongerThan(biller.timeout(), "biller");
        this.calls = calls;
        this.kind = new ProviderCalls.Kind<>(
                "biller",
                "bill payments",
                log,
                store,
                BILLER_REFUSED,
                BILLER_TIMEOUT,
                r -> Settlements.ask("biller", () -> biller.pay(new BillOrder(r.id(), r.bill(), r.amountMinor()))),
                biller::status,
                (r, booked, now) -> store.update(
                        r.id(), booked.status(), booked.code(), r.transferId(), booked.traceNumber(), r.sentAt(), now),
                this::ended);
        this.properties = properties;
        this.events = events;
    }

    /** Sends a reserved payment to the biller and books the answer. */
    void send(BillPaymentId id) {
        calls.send(kind, id);
    }

    /** Sends the payments confirmed on the step-up page, then re-checks those in doubt. */
    @Scheduled(
            fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    void work() {
        calls.work(kind);
    }

    /** The payment ended: the points' share goes with the money (issue 16 s3.7), and the customer is told. */
    private void ended(JdbcBillPayments.Row r, Settlements.Booked booked, ProviderAnswer answer) {
        Optional<PointsShares.Share> points = shares.settleRecorded(
                r.id().value(),
                r.customer(),
                answer,
                booked.status() == BillPaymentStatus.COMPLETED,
                BILLER_REFUSED,
                BILLER_TIMEOUT);
        publish(r, booked, points);
    }

    private void publish(JdbcBillPayments.Row r, Settlements.Booked booked, Optional<PointsShares.Share> points) {
        if (booked.status() == BillPaymentStatus.COMPLETED) {
            events.publishEvent(new BillPaid(
                    r.id(),
                    r.customer(),
                    r.bill().billId(),
                    r.bill().paymentId(),
                    properties.serviceTypes().name(r.bill().serviceDigit()),
                    r.amountMinor(),
                    r.currency().code(),
                    booked.traceNumber(),
                    r.channel(),
                    points.map(PointsShares.Share::points).orElse(0L),
                    points.map(PointsShares.Share::discountMinor).orElse(0L)));
        } else if (booked.status() == BillPaymentStatus.FAILED) {
            events.publishEvent(r.notPaid(booked.code()));
        }
    }
}
