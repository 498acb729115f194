package org.socialbank.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Metadata;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.ProviderAnswer;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Topping up a phone: choose the operator (carrier data or the customer's override) and check the
 * amount is one it sells; in one transaction ask the risk policy and reserve the money (a pending
 * {@code topup} transfer to the operator's settlement account); then, outside it, ask the
 * operator and post or void. Unknown answers wait for the janitor, as for bills. The id is the
 * idempotency key. A step-up decision is not held for top-ups yet: it is rejected with
 * {@code confirmation_required} (docs/billing.md).
 */
@Component
class TopUpPhone {

    static final String TRANSFER_CODE = "topup";
    static final String OPERATOR_REFUSED = "operator_refused";
    static final String OPERATOR_TIMEOUT = "operator_timeout";
    private static final Logger log = LoggerFactory.getLogger(TopUpPhone.class);

    private final JdbcTopUps store;
    private final ProviderCalls calls;
    private final ProviderCalls.Kind<TopUpId, JdbcTopUps.Row> kind;
    private final Directory directory;
    private final Reservations reservations;
    private final BillingRisk risk;
    private final BillerAccounts accounts;
    private final MobileOperator operator;
    private final Operators operators;
    private final BillingProperties properties;
    private final DurableTransactions writes;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final PointsShares shares;

    TopUpPhone(
            JdbcTopUps store,
            Directory directory,
            Reservations reservations,
            BillingRisk risk,
            BillerAccounts accounts,
            ProviderCalls calls,
            MobileOperator operator,
            BillingProperties properties,
            DurableTransactions writes,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            PointsShares shares) {
        this.shares = shares;
        this.events = events;
        this.store = store;
        this.directory = directory;
        this.reservations = reservations;
        this.calls = calls;
        this.kind = new ProviderCalls.Kind<>(
                "operator",
                "top-ups",
                log,
                store,
                OPERATOR_REFUSED,
                OPERATOR_TIMEOUT,
                this::sendToOperator,
                operator::status,
                (r, booked, now) ->
                        store.update(r.id(), booked.status(), booked.code(), r.transferId(), booked.traceNumber(), now),
                this::ended);
        this.risk = risk;
        this.accounts = accounts;
        this.operator = operator;
        this.operators = properties.operatorTable();
        this.properties = properties;
        this.writes = writes;
        this.clock = clock;
    }

    Operators operators() {
        return operators;
    }

    TopUpResult topUp(TopUpRequest request) {
        return start(request, true, false);
    }

    /**
     * Records the top-up in the caller's transaction (a chat message's) and reserves its money; the
     * worker asks the operator afterwards, so the operator is never asked inside it.
     */
    TopUpResult accept(TopUpRequest request, boolean usePoints) {
        return start(request, false, usePoints);
    }

    /** @param usePoints whether the customer's loyalty points pay a share (issue 16 s3.7) */
    private TopUpResult start(TopUpRequest request, boolean sendNow, boolean usePoints) {
        Operators.Choice choice = operators.resolve(
                request.phone(), request.amountMinor(), request.currency().code(), request.operator(), request.kind());
        if (choice instanceof Operators.Refusal refusal) {
            return store.find(request.id())
                    .<TopUpResult>map(r -> new TopUpResult.Refused(BillPaymentResult.ID_REUSED, List.of()))
                    .orElse(new TopUpResult.Refused(refusal.code(), refusal.nearestAmountsMinor()));
        }
        Operators.Resolved resolved = (Operators.Resolved) choice;
        TopUpResult result = writes.write(tx -> begin(request, resolved, sendNow, usePoints));
        if (sendNow
                && result instanceof TopUpResult.Done done
                && !done.replayed()
                && done.topUp().status() == BillPaymentStatus.PENDING) {
            calls.send(kind, request.id());
            return new TopUpResult.Done(view(store.find(request.id()).orElseThrow()), false);
        }
        return result;
    }

    /** Asks the operator to top up a reserved top-up's number. */
    private ProviderAnswer sendToOperator(JdbcTopUps.Row row) {
        return Settlements.ask(
                "operator",
                () -> operator.topUp(new TopUpOrder(
                        row.id(), row.phone(), row.operator(), row.amountMinor(), row.currency(), row.kind())));
    }

    private TopUpResult begin(TopUpRequest request, Operators.Resolved resolved, boolean sendNow, boolean usePoints) {
        Optional<JdbcTopUps.Row> existing = store.find(request.id());
        if (existing.isPresent()) {
            return existing.get().sameRequest(request, resolved.operator(), resolved.phoneE164())
                    ? new TopUpResult.Done(view(existing.get()), true)
                    : new TopUpResult.Refused(BillPaymentResult.ID_REUSED, List.of());
        }
        Optional<CustomerView> customer = risk.active(request.customer());
        if (customer.isEmpty()) {
            return new TopUpResult.Refused(BillPaymentResult.CUSTOMER_NOT_FOUND, List.of());
        }
        Instant now = now();
        Optional<AccountId> from =
                directory.primaryAccount(request.customer(), request.currency().code());
        String refusal = from.isEmpty() ? "no_account_in_currency" : null;
        if (refusal == null) {
            refusal = BillingRisk.refusal(risk.assess(
                    request.customer(),
                    customer.get(),
                    request.channel(),
                    request.amountMinor(),
                    request.currency(),
                    now));
        }
        UUID transfer = request.id().derive(TRANSFER_CODE);
        JdbcTopUps.Row row = new JdbcTopUps.Row(
                request.id(),
                request.customer(),
                resolved.phoneE164(),
                resolved.operator(),
                request.amountMinor(),
                request.currency(),
                request.channel(),
                refusal == null ? BillPaymentStatus.PENDING : BillPaymentStatus.REJECTED,
                refusal,
                refusal == null ? transfer : null,
                null,
                refusal == null && sendNow ? now : null,
                now,
                now,
                request.kind());
        store.insert(row);
        if (refusal == null) {
            reserve(
                    row,
                    from.get(),
                    usePoints
                            ? shares.hold(row.id().value(), row.customer(), row.currency(), row.amountMinor())
                            : Optional.empty());
        }
        return new TopUpResult.Done(view(store.find(request.id()).orElseThrow()), false);
    }

    /** The pending transfer to the operator's settlement account; a ledger refusal rejects the top-up. */
    private void reserve(JdbcTopUps.Row row, AccountId from, Optional<PointsShares.Held> points) {
        Reservations.Pending pending = new Reservations.Pending(
                row.id().value(),
                row.customer(),
                row.transferId(),
                from,
                accounts.open("op-" + row.operator(), row.currency()),
                row.amountMinor(),
                row.currency(),
                TRANSFER_CODE,
                Metadata.of(Map.of("topup", row.id().toString(), "operator", row.operator())));
        Optional<String> refused = reservations.reserve(pending, points);
        if (refused.isPresent()) {
            store.update(row.id(), BillPaymentStatus.REJECTED, refused.get(), null, null, now());
            return;
        }
        // issue 16 s3.7: the bank's rewards account pays what the points are worth
        points.ifPresent(p -> reservations.recordPoints(pending, p));
    }

    /** Sends the top-ups accepted in chat, then re-checks those in doubt once {@code recheck-after} has passed. */
    @Scheduled(
            fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    void recheck() {
        calls.work(kind);
    }

    /** The top-up ended: the points' share goes with it (issue 16 s3.7), and {@link TopUpEnded} tells it. */
    private void ended(JdbcTopUps.Row r, Settlements.Booked booked, ProviderAnswer answer) {
        boolean completed = booked.status() == BillPaymentStatus.COMPLETED;
        Optional<PointsShares.Share> points = shares.settleRecorded(
                r.id().value(), r.customer(), answer, completed, OPERATOR_REFUSED, OPERATOR_TIMEOUT);
        events.publishEvent(new TopUpEnded(
                r.id(),
                r.customer(),
                r.phone(),
                r.operator(),
                r.amountMinor(),
                r.currency().code(),
                completed,
                booked.code(),
                booked.traceNumber(),
                r.channel(),
                points.map(PointsShares.Share::points).orElse(0L),
                points.map(PointsShares.Share::discountMinor).orElse(0L)));
    }

    /** The top-up as its customer sees it, with the points that paid a share of it. */
    private TopUp view(JdbcTopUps.Row row) {
        return shares.find(row.id().value())
                .map(p -> row.view(p.points(), p.discountMinor()))
                .orElseGet(row::view);
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
