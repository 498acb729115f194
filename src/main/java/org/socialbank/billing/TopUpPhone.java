package org.socialbank.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.CustomerStatus;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.payments.risk.Attempt;
import org.socialbank.payments.risk.Decision;
import org.socialbank.payments.risk.PaymentPolicy;
import org.socialbank.payments.risk.Reject;
import org.socialbank.payments.risk.StepUp;
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
    static final String CONFIRMATION_REQUIRED = "confirmation_required";
    static final String OPERATOR_REFUSED = "operator_refused";
    static final String OPERATOR_TIMEOUT = "operator_timeout";
    private static final Logger log = LoggerFactory.getLogger(TopUpPhone.class);

    private final JdbcTopUps store;
    private final JdbcSpending spending;
    private final Directory directory;
    private final Ledger ledger;
    private final Settlements settlements;
    private final PaymentPolicy policy;
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
            JdbcSpending spending,
            Directory directory,
            Ledger ledger,
            PaymentPolicy policy,
            BillerAccounts accounts,
            Settlements settlements,
            MobileOperator operator,
            BillingProperties properties,
            DurableTransactions writes,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            PointsShares shares) {
        this.shares = shares;
        this.events = events;
        this.store = store;
        this.spending = spending;
        this.directory = directory;
        this.ledger = ledger;
        this.settlements = settlements;
        this.policy = policy;
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
            send(request.id());
            return new TopUpResult.Done(view(store.find(request.id()).orElseThrow()), false);
        }
        return result;
    }

    /** Asks the operator about a reserved top-up and books the answer. */
    private void send(TopUpId id) {
        JdbcTopUps.Row row = store.find(id).orElseThrow();
        if (row.status() != BillPaymentStatus.PENDING || row.transferId() == null) {
            return;
        }
        book(
                id,
                Settlements.ask(
                        "operator",
                        () -> operator.topUp(new TopUpOrder(
                                row.id(),
                                row.phone(),
                                row.operator(),
                                row.amountMinor(),
                                row.currency(),
                                row.kind()))));
    }

    private TopUpResult begin(TopUpRequest request, Operators.Resolved resolved, boolean sendNow, boolean usePoints) {
        Optional<JdbcTopUps.Row> existing = store.find(request.id());
        if (existing.isPresent()) {
            return existing.get().sameRequest(request, resolved.operator(), resolved.phoneE164())
                    ? new TopUpResult.Done(view(existing.get()), true)
                    : new TopUpResult.Refused(BillPaymentResult.ID_REUSED, List.of());
        }
        Optional<CustomerView> customer =
                directory.customer(request.customer()).filter(c -> c.customer().status() == CustomerStatus.ACTIVE);
        if (customer.isEmpty()) {
            return new TopUpResult.Refused(BillPaymentResult.CUSTOMER_NOT_FOUND, List.of());
        }
        Instant now = now();
        Optional<AccountId> from =
                directory.primaryAccount(request.customer(), request.currency().code());
        String refusal = from.isEmpty() ? "no_account_in_currency" : null;
        if (refusal == null) {
            Decision decision = policy.assess(
                    new Attempt(
                            request.customer(),
                            customer.get().customer().kycLevel(),
                            request.channel(),
                            request.amountMinor(),
                            request.currency(),
                            false,
                            false,
                            Optional.empty(),
                            now),
                    new BillHistory(spending));
            refusal = decision instanceof Reject reject
                    ? reject.code()
                    : decision instanceof StepUp ? CONFIRMATION_REQUIRED : null;
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
        AccountId to = accounts.open("op-" + row.operator(), row.currency());
        Metadata metadata = Metadata.of(Map.of("topup", row.id().toString(), "operator", row.operator()));
        long discount = points.map(PointsShares.Held::valueMinor).orElse(0L);
        TransferResult result = ledger.transfer(new NewTransfer(
                new TransferId(row.transferId()),
                from,
                to,
                row.amountMinor() - discount,
                row.currency(),
                new TransferCode(TRANSFER_CODE),
                true,
                properties.pendingTimeout().toSeconds(),
                metadata));
        if (result instanceof TransferResult.Rejected rejected) {
            points.ifPresent(p -> shares.release(row.id().value(), row.customer()));
            store.update(row.id(), BillPaymentStatus.REJECTED, PayBill.ledgerCode(rejected.code()), null, null, now());
            return;
        }
        // issue 16 s3.7: the bank's rewards account pays what the points are worth
        points.ifPresent(p -> shares.record(
                row.id().value(),
                row.customer(),
                p,
                row.currency(),
                to,
                TRANSFER_CODE,
                properties.pendingTimeout().toSeconds(),
                metadata));
    }

    /** Sends the top-ups accepted in chat, then re-checks those in doubt once {@code recheck-after} has passed. */
    @Scheduled(
            fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    void recheck() {
        try {
            for (TopUpId id : store.unsent(properties.batchMax())) {
                if (writes.write(tx -> store.claimSend(id, now()))) {
                    send(id);
                }
            }
            for (TopUpId id : store.inDoubt(now().minus(properties.recheckAfter()), properties.batchMax())) {
                book(id, Settlements.ask("operator", () -> operator.status(id)));
            }
        } catch (RuntimeException e) {
            log.warn("Re-checking top-ups failed; will try again", e);
        }
    }

    void book(TopUpId id, ProviderAnswer answer) {
        writes.write(tx -> {
            store.lock(id)
                    .filter(r -> r.status() == BillPaymentStatus.PENDING || r.status() == BillPaymentStatus.UNKNOWN)
                    .ifPresent(r -> {
                        Settlements.Booked booked =
                                settlements.book(r.id(), r.transferId(), answer, OPERATOR_REFUSED, OPERATOR_TIMEOUT);
                        store.update(
                                r.id(), booked.status(), booked.code(), r.transferId(), booked.traceNumber(), now());
                        if (booked.status() == BillPaymentStatus.COMPLETED
                                || booked.status() == BillPaymentStatus.FAILED) {
                            boolean completed = booked.status() == BillPaymentStatus.COMPLETED;
                            Optional<PointsShares.Share> points = shares.find(r.id().value());
                            points.ifPresent(p -> shares.settle(
                                    r.id().value(),
                                    r.customer(),
                                    p,
                                    answer,
                                    completed,
                                    OPERATOR_REFUSED,
                                    OPERATOR_TIMEOUT)); // issue 16 s3.7
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
                                    points.map(PointsShares.Share::discountMinor)
                                            .orElse(0L)));
                        }
                    });
            return null;
        });
    }

    /** The top-up as its customer sees it, with the points that paid a share of it. */
    private TopUp view(JdbcTopUps.Row row) {
        TopUp view = row.view();
        return shares.find(row.id().value())
                .map(p -> view.withPoints(p.points(), p.discountMinor()))
                .orElse(view);
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
