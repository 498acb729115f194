package org.socialbank.conversation.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.MaskedName;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.PendingStatus;
import org.socialbank.ledger.StatementPage;
import org.socialbank.ledger.Transfer;
import org.socialbank.payments.Payment;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.Payments;
import org.socialbank.shared.Uuids;

/**
 * A customer's history and spending as the chat tells them, read from the ledger's statements of
 * the primary accounts the caller hands in (read once per message by {@link ChatBank}).
 */
final class ChatHistory {

    /** Transfers read per account for one history: resolutions of pending ones are skipped. */
    private static final int HISTORY_SCAN_MAX = 100;

    /** Transfers read per account for one "spending": a month of a very busy account is cut there. */
    static final int SPENDING_SCAN_MAX = 1_000;

    private static final int SPENDING_PAGE = 100;

    private final Ledger ledger;
    private final Directory directory;
    private final Payments payments;

    ChatHistory(Ledger ledger, Directory directory, Payments payments) {
        this.ledger = ledger;
        this.directory = directory;
        this.payments = payments;
    }

    List<Bank.Movement> history(List<CustomerView.HeldAccount> primaryAccounts, int limit) {
        List<Bank.Movement> movements = new ArrayList<>();
        for (CustomerView.HeldAccount held : primaryAccounts) {
            AccountId account = held.accountId();
            // a post, void or expiry is told on its pending transfer's line, as that payment's state
            ledger.statement(account, Optional.empty(), Math.min(limit * 2, HISTORY_SCAN_MAX)).stream()
                    .flatMap(page -> page.transfers().stream())
                    .filter(t -> t.pendingId() == null)
                    .map(t -> movement(t, account))
                    .forEach(movements::add);
        }
        return movements.stream()
                .sorted(Comparator.comparing(Bank.Movement::at).reversed())
                .limit(limit)
                .toList();
    }

    private Bank.Movement movement(Transfer t, AccountId account) {
        boolean outgoing = t.debitAccountId().equals(account);
        AccountId other = outgoing ? t.creditAccountId() : t.debitAccountId();
        String state = t.pending() && t.pendingStatus() != null
                ? t.pendingStatus().name().toLowerCase(Locale.ROOT)
                : null;
        return new Bank.Movement(
                outgoing,
                t.amountMinor(),
                t.currency(),
                t.createdAt(),
                counterparty(t, other, outgoing),
                state,
                t.id().value().toString().substring(0, 8));
    }

    /**
     * A customer's masked name; through escrow, the payee's alias (money out) or the payer's masked
     * name (a claim paid in); else the kind of the bank's account.
     */
    private String counterparty(Transfer t, AccountId other, boolean outgoing) {
        Optional<CustomerId> holder = directory.holder(other);
        if (holder.isPresent()) {
            return maskedName(holder.get()).orElse(null);
        }
        Optional<Payment> payment = Optional.ofNullable(t.metadata())
                .map(m -> m.entries().get("payment"))
                .flatMap(ChatHistory::paymentId)
                .flatMap(payments::payment);
        if (payment.isPresent()) {
            return outgoing
                    ? payment.get().payee().alias().display()
                    : maskedName(payment.get().payerCustomerId()).orElse(null);
        }
        return ledger.account(other).map(a -> "bank:" + a.kind().wireName()).orElse(null);
    }

    private Optional<String> maskedName(CustomerId customer) {
        return directory.find(customer).map(c -> MaskedName.of(c.displayName()));
    }

    private static Optional<PaymentId> paymentId(String text) {
        return Uuids.parse(text).map(PaymentId::new);
    }

    List<Bank.Spent> spending(List<CustomerView.HeldAccount> primaryAccounts, Instant from) {
        Map<String, Bank.Spent> sums = new LinkedHashMap<>();
        for (CustomerView.HeldAccount held : primaryAccounts) {
            for (Transfer t : outgoingSince(held.accountId(), from)) {
                String who = counterparty(t, t.creditAccountId(), true);
                sums.merge(
                        t.currency().code() + "|" + who,
                        new Bank.Spent(t.currency(), who, t.amountMinor(), 1),
                        (a, b) -> new Bank.Spent(
                                a.currency(),
                                a.counterparty(),
                                Math.addExact(a.amountMinor(), b.amountMinor()),
                                a.payments() + 1));
            }
        }
        return sums.values().stream()
                .sorted(Comparator.comparing((Bank.Spent s) -> s.currency().code())
                        .thenComparing(Bank.Spent::amountMinor, Comparator.reverseOrder()))
                .toList();
    }

    /** Money out of the account since {@code from}: posted transfers and pending ones not voided or expired. */
    private List<Transfer> outgoingSince(AccountId account, Instant from) {
        List<Transfer> out = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        for (int read = 0; read < SPENDING_SCAN_MAX; read += SPENDING_PAGE) {
            Optional<StatementPage> page = ledger.statement(account, cursor, SPENDING_PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (Transfer t : page.get().transfers()) {
                if (t.createdAt().isBefore(from)) {
                    return out;
                }
                boolean cameBack = t.pending()
                        && t.pendingStatus() != null
                        && t.pendingStatus() != PendingStatus.PENDING
                        && t.pendingStatus() != PendingStatus.POSTED;
                if (t.pendingId() == null && t.debitAccountId().equals(account) && !cameBack) {
                    out.add(t);
                }
            }
            cursor = page.get().nextCursor();
            if (cursor.isEmpty()) {
                break;
            }
        }
        return out;
    }
}
