package org.socialbank.billing;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.ProviderAnswer;
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

    private final ProviderCalls calls;
    private final ProviderCalls.Kind<UUID, JdbcAccountBills.Payment> kind;
    private final AccountBills bills;
    private final ApplicationEventPublisher events;
    private final PointsShares shares;

    SendAccountBills(
            JdbcAccountBills store,
            AccountBiller biller,
            AccountBills bills,
            ProviderCalls calls,
            BillingProperties properties,
            ApplicationEventPublisher events,
            PointsShares shares) {
        this.shares = shares;
        properties.requireRecheckAfterLongerThan(biller.timeout(), "account biller");
        this.calls = calls;
        this.kind = new ProviderCalls.Kind<>(
                "account biller",
                "account bills",
                log,
                store,
                SendBills.BILLER_REFUSED,
                SendBills.BILLER_TIMEOUT,
                p -> Settlements.ask(
                        "account biller",
                        () -> biller.pay(new AccountBiller.Order(
                                p.id(), p.billerId(), p.account(), p.amountMinor(), p.currency()))),
                biller::status,
                (p, booked, now) ->
                        store.update(p.id(), booked.status(), booked.code(), p.transferId(), booked.traceNumber(), now),
                this::ended);
        this.bills = bills;
        this.events = events;
    }

    /** Pays the reserved payments nobody sent yet, then re-checks those in doubt. */
    @Scheduled(
            fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    void work() {
        calls.work(kind);
    }

    /** The payment ended: the points' share goes with it, and {@link AccountBillEnded} tells the customer. */
    private void ended(JdbcAccountBills.Payment p, Settlements.Booked booked, ProviderAnswer answer) {
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
}
