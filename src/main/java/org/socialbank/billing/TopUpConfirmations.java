package org.socialbank.billing;

import java.time.Clock;
import org.socialbank.directory.Directory;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Carries on a held top-up once its customer confirmed exactly it (amount, currency, number and
 * operator) on the step-up page: the money is reserved in the transaction that closed the step-up
 * and the worker asks the operator. The loyalty points its customer chose when it was held pay
 * their share now (issue 16 s3.7): the page binds the amount and the number, and the points only
 * change who pays part of that amount; too few left by then, the whole amount is the customer's
 * and {@link PointsNotUsed} tells it. A step-up that failed, or showed something else, ends it
 * with nothing moved, and {@link TopUpEnded} tells it.
 */
@Component
class TopUpConfirmations extends StepUpHolds<TopUpId, JdbcTopUps.Row> {

    private final JdbcTopUps store;
    private final TopUpPhone topUps;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PointsShares shares;

    TopUpConfirmations(
            JdbcTopUps store,
            TopUpPhone topUps,
            Directory directory,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock,
            PointsShares shares) {
        super(TopUpPhone.CONFIRMATION_OWNER, TopUpId::new, store, writes);
        this.shares = shares;
        this.store = store;
        this.topUps = topUps;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Override
    void confirmed(JdbcTopUps.Row r, OperationConfirmed event) {
        boolean same = event.isExactly(
                r.customer(), r.amountMinor(), r.currency(), TopUpPhone.payeeLabel(r.phone(), r.operator()));
        var from = directory.primaryAccount(r.customer(), r.currency().code());
        if (!same || from.isEmpty()) {
            notConfirmed(r, same ? "no_account_in_currency" : "confirmation_mismatch");
            return;
        }
        PointsShares.Chosen points = shares.holdChosen(r.id().value(), r.customer(), r.currency(), r.amountMinor());
        if (topUps.reserveConfirmed(r, from.get(), points.held()) && points.unavailable()) {
            events.publishEvent(r.pointsNotUsed());
        }
    }

    /** Nothing was held for it (the points chosen are held only on confirmation): nothing is released. */
    @Override
    void notConfirmed(JdbcTopUps.Row r, String code) {
        store.update(r.id(), BillPaymentStatus.NOT_CONFIRMED, code, null, null, Microseconds.now(clock));
        events.publishEvent(r.endedUntaken(BillingEnding.NOT_CONFIRMED, code));
    }
}
