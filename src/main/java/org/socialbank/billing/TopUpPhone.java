package org.socialbank.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.OperationRef;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Metadata;
import org.socialbank.payments.risk.Decision;
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
 * idempotency key. A top-up the risk policy wants stepped up (above the threshold, or asked for in
 * a newly linked chat) waits for the step-up on the bank's page, bound to its amount and number, as
 * a bill does ({@link TopUpConfirmations}); the points its customer chose pay their share once it
 * is confirmed there.
 */
@Component
class TopUpPhone {

    static final String TRANSFER_CODE = "topup";
    /** The owner of the top-ups held for the step-up page; their id is the top-up's. */
    static final String CONFIRMATION_OWNER = "topup";

    static final String OPERATOR_REFUSED = "operator_refused";
    static final String OPERATOR_TIMEOUT = "operator_timeout";
    private static final Logger log = LoggerFactory.getLogger(TopUpPhone.class);

    private final JdbcTopUps store;
    private final ProviderCalls calls;
    private final ProviderCalls.Kind<TopUpId, JdbcTopUps.Row> kind;
    private final Directory directory;
    private final Confirmations confirmations;
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
            Confirmations confirmations,
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
        this.confirmations = confirmations;
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
                    .map(r -> replayed(r, request))
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

    /**
     * A retry of a top-up the operator table now refuses (an operator or a denomination removed
     * since): the top-up as it stands when it is the same request, else {@code id_reused}. The
     * original may have completed; its retry must not read as a refusal (review 2026-12-07 billing
     * follow-up).
     */
    private TopUpResult replayed(JdbcTopUps.Row existing, TopUpRequest request) {
        String operatorAsked =
                request.operator().map(o -> o.toLowerCase(Locale.ROOT)).orElse(existing.operator());
        Optional<String> phone =
                Operators.phoneE164(request.phone(), request.currency().code());
        return phone.isPresent() && existing.sameRequest(request, operatorAsked, phone.get())
                ? new TopUpResult.Done(view(existing), true)
                : new TopUpResult.Refused(BillPaymentResult.ID_REUSED, List.of());
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
            Decision decision = risk.assess(
                    request.customer(),
                    customer.get(),
                    request.channel(),
                    request.amountMinor(),
                    request.currency(),
                    now);
            if (decision instanceof StepUp stepUp) {
                return hold(request, resolved, stepUp.reason(), now, usePoints);
            }
            refusal = BillingRisk.refusal(decision);
        }
        UUID transfer = request.id().derive(TRANSFER_CODE);
        JdbcTopUps.Row row = JdbcTopUps.Row.asked(request, resolved, now)
                .with(
                        refusal == null ? BillPaymentStatus.PENDING : BillPaymentStatus.REJECTED,
                        refusal,
                        refusal == null ? transfer : null,
                        refusal == null && sendNow ? now : null,
                        null);
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

    /**
     * Holds the top-up for the step-up page, which shows and binds its amount and number; its link
     * is answered once, never stored, and its code is the risk rule that held it. Nothing is
     * reserved until it is confirmed, no points held either: the customer's choice of them is kept
     * (issue 16 s3.7) and they are held when the top-up is confirmed.
     */
    private TopUpResult hold(
            TopUpRequest request, Operators.Resolved resolved, String reason, Instant now, boolean usePoints) {
        Optional<Confirmations.Started> started = confirmations.start(new Confirmations.Request(
                request.customer(),
                new OperationRef(CONFIRMATION_OWNER, request.id().toString()),
                request.amountMinor(),
                request.currency(),
                payeeLabel(resolved.phoneE164(), resolved.operator()),
                0));
        JdbcTopUps.Row row = JdbcTopUps.Row.asked(request, resolved, now)
                .with(
                        started.isPresent() ? BillPaymentStatus.AWAITING_CONFIRMATION : BillPaymentStatus.REJECTED,
                        started.isPresent() ? reason : "confirmation_unavailable",
                        null,
                        null,
                        started.map(Confirmations.Started::challengeId).orElse(null));
        store.insert(row);
        if (started.isPresent() && usePoints) {
            shares.choose(row.id().value(), row.customer());
        }
        return new TopUpResult.Done(
                view(row, started.map(Confirmations.Started::url).orElse(null)), false);
    }

    /** What the step-up page shows as the payee: the number and its operator. */
    static String payeeLabel(String phoneE164, String operator) {
        return "top-up " + phoneE164 + " (" + operator + ")";
    }

    /**
     * A held top-up its customer confirmed, in the transaction that closed the step-up: its money
     * is reserved, less what the {@code points} held now pay (issue 16 s3.7), and the worker asks
     * the operator; or the ledger's refusal rejects it (the points released) and false is returned.
     */
    boolean reserveConfirmed(JdbcTopUps.Row held, AccountId from, Optional<PointsShares.Held> points) {
        UUID transfer = held.id().derive(TRANSFER_CODE);
        store.update(held.id(), BillPaymentStatus.PENDING, null, transfer, null, now());
        Optional<String> refused =
                reserve(held.with(BillPaymentStatus.PENDING, null, transfer, null, held.challengeId()), from, points);
        refused.ifPresent(code -> events.publishEvent(held.endedUntaken(BillingEnding.REFUSED, code)));
        return refused.isEmpty();
    }

    /**
     * The pending transfer to the operator's settlement account; a ledger refusal rejects the
     * top-up and is returned (its code).
     */
    private Optional<String> reserve(JdbcTopUps.Row row, AccountId from, Optional<PointsShares.Held> points) {
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
            return refused;
        }
        // issue 16 s3.7: the bank's rewards account pays what the points are worth
        points.ifPresent(p -> reservations.recordPoints(pending, p));
        return Optional.empty();
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
        events.publishEvent(r.ended(
                completed,
                booked.code(),
                booked.traceNumber(),
                points.map(PointsShares.Share::points).orElse(0L),
                points.map(PointsShares.Share::discountMinor).orElse(0L)));
    }

    /** A top-up by its id, as its customer sees it: with the points that paid a share of it. */
    Optional<TopUp> find(TopUpId id) {
        return store.find(id).map(this::view);
    }

    /** The top-up as its customer sees it, with the points that paid a share of it. */
    private TopUp view(JdbcTopUps.Row row) {
        return view(row, null);
    }

    private TopUp view(JdbcTopUps.Row row, String confirmationUrl) {
        return shares.find(row.id().value())
                .map(p -> row.view(p.points(), p.discountMinor(), confirmationUrl))
                .orElseGet(() -> row.view(0, 0, confirmationUrl));
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
