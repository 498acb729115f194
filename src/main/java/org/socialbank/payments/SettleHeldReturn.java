package org.socialbank.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.payments.SettleResult.Settled;
import org.socialbank.payments.SettleResult.Settlement;
import org.socialbank.payments.jdbc.JdbcHeldReturnSettlements;
import org.socialbank.payments.jdbc.JdbcPayments;
import org.socialbank.payments.jdbc.PaymentRow;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Operations settle a held return by hand (review 2026-12-07 money follow-up): a payer's closed
 * account never takes her money back (the ledger never reopens one), so the money would otherwise
 * stay on the settlement account for good. It moves to another open account the payer holds in
 * the payment's currency, in one transaction with the payment's change to {@code returned} ({@link
 * Settlement#CODE}) and the record of who did it and why. The payment row is locked first, as the
 * held-returns janitor locks it, so the two never both move the money.
 */
@Component
class SettleHeldReturn {

    static final String TRANSFER_CODE = "held-return-settle";

    private static final Logger log = LoggerFactory.getLogger(SettleHeldReturn.class);

    private final JdbcPayments store;
    private final JdbcHeldReturnSettlements settlements;
    private final Ledger ledger;
    private final Directory directory;
    private final PaymentViews views;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    SettleHeldReturn(
            JdbcPayments store,
            JdbcHeldReturnSettlements settlements,
            Ledger ledger,
            Directory directory,
            PaymentViews views,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.store = store;
        this.settlements = settlements;
        this.ledger = ledger;
        this.directory = directory;
        this.views = views;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    SettleResult settle(SettleHeldReturnOrder order) {
        return writes.write(status -> {
            Optional<PaymentRow> locked = store.lock(order.paymentId());
            if (locked.isEmpty()) {
                return refused(SettleRefusal.PAYMENT_NOT_FOUND);
            }
            PaymentRow r = locked.get();
            Optional<JdbcHeldReturnSettlements.Stored> byKey = settlements.byKey(order.idempotencyKey());
            if (byKey.isPresent()) {
                return replay(order, byKey.get(), r);
            }
            if (r.status() != PaymentStatus.RETURN_HELD) {
                return refused(
                        settlements.ofPayment(r.id()).isPresent()
                                ? SettleRefusal.ALREADY_SETTLED
                                : SettleRefusal.NOT_HELD);
            }
            if (!settlementOpen(r)) {
                return refused(SettleRefusal.SETTLEMENT_ACCOUNT_UNAVAILABLE);
            }
            Optional<SettleRefusal> wrong = wrongTarget(order, r);
            return wrong.isPresent() ? refused(wrong.get()) : move(order, r);
        });
    }

    /** The same key again: the same order is answered as settled before; another order is refused. */
    private SettleResult replay(SettleHeldReturnOrder order, JdbcHeldReturnSettlements.Stored stored, PaymentRow r) {
        Settlement s = stored.settlement();
        boolean same = stored.paymentId().equals(order.paymentId())
                && s.toAccountId().equals(order.toAccountId())
                && s.reason().equals(order.reason());
        return same ? new Settled(views.of(r), s, true) : refused(SettleRefusal.IDEMPOTENCY_KEY_REUSED);
    }

    /**
     * Whether the bank's settlement account, which holds the money, can give it: the ledger names a
     * frozen or closed account alike for either side of a transfer, so the bank's side is read
     * first and the operator is not told her chosen account is at fault.
     */
    private boolean settlementOpen(PaymentRow r) {
        return ledger.account(BankAccounts.settlement(r.currency()))
                .filter(a -> a.status() == AccountStatus.OPEN)
                .isPresent();
    }

    /** Why the money may not go to the order's account: it must be an open account of the payer's, in the currency. */
    private Optional<SettleRefusal> wrongTarget(SettleHeldReturnOrder order, PaymentRow r) {
        Optional<Account> account = ledger.account(order.toAccountId());
        if (account.isEmpty()) {
            return Optional.of(SettleRefusal.ACCOUNT_NOT_FOUND);
        }
        if (directory.holder(order.toAccountId()).filter(r.payer()::equals).isEmpty()) {
            return Optional.of(SettleRefusal.ACCOUNT_NOT_PAYERS);
        }
        if (!account.get().currency().equals(r.currency())) {
            return Optional.of(SettleRefusal.CURRENCY_MISMATCH);
        }
        if (account.get().status() != AccountStatus.OPEN) {
            return Optional.of(SettleRefusal.ACCOUNT_NOT_OPEN);
        }
        return Optional.empty();
    }

    /** Settlement account → the payer's account, the payment returned, the settlement recorded, the payer told. */
    private SettleResult move(SettleHeldReturnOrder order, PaymentRow r) {
        TransferId transfer = new TransferId(r.id().derive(TRANSFER_CODE));
        TransferResult result = ledger.transfer(NewTransfer.posted(
                transfer,
                BankAccounts.settlement(r.currency()),
                order.toAccountId(),
                r.amountMinor(),
                r.currency(),
                TRANSFER_CODE));
        if (result instanceof TransferResult.Rejected rejected) {
            RejectionCode why = rejected.code();
            if (why == RejectionCode.ACCOUNT_FROZEN || why == RejectionCode.ACCOUNT_CLOSED) {
                // one side was frozen or closed since it was read: the code does not say which
                return refused(
                        settlementOpen(r)
                                ? SettleRefusal.ACCOUNT_NOT_OPEN
                                : SettleRefusal.SETTLEMENT_ACCOUNT_UNAVAILABLE);
            }
            throw new IllegalStateException(
                    "the held return of payment " + r.id() + " cannot be settled: " + why.code());
        }
        Settlement s = new Settlement(
                order.idempotencyKey(), order.toAccountId(), transfer, order.reason(), order.settledBy(), now());
        store.recordReturn(r.id(), PaymentStatus.RETURNED, Settlement.CODE, transfer.value(), s.settledAt());
        settlements.insert(r.id(), s);
        events.publishEvent(
                new HeldReturnSettled(r.id(), r.payer(), r.amountMinor(), r.currency(), order.toAccountId()));
        log.info(
                "Payment {}: its held return was settled by hand by {} to another account of the payer's",
                r.id(),
                s.settledBy());
        return new Settled(views.of(store.find(r.id()).orElseThrow()), s, false);
    }

    private static SettleResult refused(SettleRefusal refusal) {
        return new SettleResult.Refused(refusal);
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
