package org.socialbank.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.ProviderAnswer;
import org.socialbank.shared.jdbc.DurableTransactions;
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

    private final JdbcBillPayments store;
    private final Biller biller;
    private final Settlements settlements;
    private final BillingProperties properties;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;
    private final PointsShares shares;

    SendBills(
            JdbcBillPayments store,
            Biller biller,
            Settlements settlements,
            BillingProperties properties,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock,
            PointsShares shares) {
        this.shares = shares;
        properties.requireRecheckAfterLongerThan(biller.timeout(), "biller");
        this.store = store;
        this.biller = biller;
        this.settlements = settlements;
        this.properties = properties;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** Sends a reserved payment to the biller and books the answer. */
    void send(BillPaymentId id) {
        JdbcBillPayments.Row row = store.find(id).orElseThrow();
        if (row.status() != BillPaymentStatus.PENDING || row.transferId() == null) {
            return;
        }
        ProviderAnswer answer =
                Settlements.ask("biller", () -> biller.pay(new BillOrder(id, row.bill(), row.amountMinor())));
        book(id, answer);
    }

    /** Sends the payments confirmed on the step-up page, then re-checks those in doubt. */
    @Scheduled(
            fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    void work() {
        try {
            for (BillPaymentId id : store.unsent(properties.batchMax())) {
                if (writes.write(tx -> store.claimSend(id, now()))) {
                    send(id);
                }
            }
            for (BillPaymentId id : store.inDoubt(now().minus(properties.recheckAfter()), properties.batchMax())) {
                book(id, Settlements.ask("biller", () -> biller.status(id)));
            }
        } catch (RuntimeException e) {
            log.warn("Sending or re-checking bill payments failed; will try again", e);
        }
    }

    /** Books the biller's answer about a payment still PENDING or UNKNOWN; anything else was booked already. */
    void book(BillPaymentId id, ProviderAnswer answer) {
        writes.write(tx -> {
            store.lock(id)
                    .filter(r -> r.status() == BillPaymentStatus.PENDING || r.status() == BillPaymentStatus.UNKNOWN)
                    .ifPresent(r -> {
                        Settlements.Booked booked =
                                settlements.book(r.id(), r.transferId(), answer, BILLER_REFUSED, BILLER_TIMEOUT);
                        store.update(
                                r.id(),
                                booked.status(),
                                booked.code(),
                                r.transferId(),
                                booked.traceNumber(),
                                r.sentAt(),
                                now());
                        Optional<PointsShares.Share> points = shares.find(r.id().value());
                        if (booked.status()
                                != BillPaymentStatus.UNKNOWN) { // issue 16 s3.7: the points go with the money
                            points.ifPresent(p -> shares.settle(
                                    r.id().value(),
                                    r.customer(),
                                    p,
                                    answer,
                                    booked.status() == BillPaymentStatus.COMPLETED,
                                    BILLER_REFUSED,
                                    BILLER_TIMEOUT));
                        }
                        publish(r, booked, points);
                    });
            return null;
        });
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
            events.publishEvent(new BillNotPaid(
                    r.id(),
                    r.customer(),
                    r.bill().billId(),
                    r.bill().paymentId(),
                    r.amountMinor(),
                    r.currency().code(),
                    booked.code(),
                    r.channel()));
        }
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
