package org.socialbank.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.ProviderAnswer;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pays the billers of account-number bills (issue 15 s1.13), never inside a transaction, and books
 * what they said as for Iranian bills ({@link Settlements}): Succeeded posts the reserved money to
 * the biller's settlement account, Failed voids it, Unknown keeps it reserved for the janitor, which
 * asks the biller again once {@code recheck-after} has passed (a payment it never received is then
 * voided). {@link AccountBillEnded} tells the customer, once.
 */
@Component
class SendAccountBills {

    private static final Logger log = LoggerFactory.getLogger(SendAccountBills.class);

    private final JdbcAccountBills store;
    private final AccountBiller biller;
    private final AccountBills bills;
    private final Settlements settlements;
    private final BillingProperties properties;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;
    private final PointsShares shares;

    SendAccountBills(
            JdbcAccountBills store,
            AccountBiller biller,
            AccountBills bills,
            Settlements settlements,
            BillingProperties properties,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock,
            PointsShares shares) {
        this.shares = shares;
        properties.requireRecheckAfterLongerThan(biller.timeout(), "account biller");
        this.store = store;
        this.biller = biller;
        this.bills = bills;
        this.settlements = settlements;
        this.properties = properties;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** Pays the reserved payments nobody sent yet, then re-checks those in doubt. */
    @Scheduled(
            fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    void work() {
        try {
            for (UUID id : store.unsent(properties.batchMax())) {
                if (writes.write(tx -> store.claimSend(id, now()))) {
                    send(id);
                }
            }
            for (UUID id : store.inDoubt(now().minus(properties.recheckAfter()), properties.batchMax())) {
                book(id, Settlements.ask("account biller", () -> biller.status(id)));
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Sending or re-checking account bills failed; will try again: {}",
                    e.getClass().getName());
        }
    }

    /** Sends a reserved payment with its id as the idempotency key, and books the answer. */
    void send(UUID id) {
        JdbcAccountBills.Payment p = store.payment(id).orElseThrow();
        if (p.status() != BillPaymentStatus.PENDING || p.transferId() == null) {
            return;
        }
        book(
                id,
                Settlements.ask(
                        "account biller",
                        () -> biller.pay(new AccountBiller.Order(
                                p.id(), p.billerId(), p.account(), p.amountMinor(), p.currency()))));
    }

    /** Books the answer about a payment still PENDING or UNKNOWN; anything else was booked already. */
    void book(UUID id, ProviderAnswer answer) {
        writes.write(tx -> {
            store.lock(id)
                    .filter(p -> p.status() == BillPaymentStatus.PENDING || p.status() == BillPaymentStatus.UNKNOWN)
                    .ifPresent(p -> {
                        Settlements.Booked booked = settlements.book(
                                p.id(), p.transferId(), answer, SendBills.BILLER_REFUSED, SendBills.BILLER_TIMEOUT);
                        store.update(
                                p.id(), booked.status(), booked.code(), p.transferId(), booked.traceNumber(), now());
                        if (booked.status() != BillPaymentStatus.UNKNOWN) {
                            settlePoints(p, answer, booked.status() == BillPaymentStatus.COMPLETED);
                            events.publishEvent(new AccountBillEnded(
                                    p.id(),
                                    p.customer(),
                                    p.billerId(),
                                    bills.names(p.billerId()),
                                    p.account(),
                                    p.amountMinor(),
                                    p.currency().code(),
                                    booked.status() == BillPaymentStatus.COMPLETED,
                                    booked.traceNumber(),
                                    booked.code(),
                                    p.channel(),
                                    p.points(),
                                    p.discountMinor()));
                        }
                    });
            return null;
        });
    }

    /** Issue 16 s3.7: the points' share goes with the customer's: posted and spent, or voided and released. */
    private void settlePoints(JdbcAccountBills.Payment p, ProviderAnswer answer, boolean completed) {
        if (p.discountTransferId() == null) {
            return;
        }
        shares.settle(
                p.id(),
                p.customer(),
                new PointsShares.Share(p.points(), p.discountMinor(), p.discountTransferId()),
                answer,
                completed,
                SendBills.BILLER_REFUSED,
                SendBills.BILLER_TIMEOUT);
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
