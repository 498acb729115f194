package org.socialbank.applications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.BatchResult;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The instalment job: every instalment due by today and not paid is collected from the loan's payout
 * account, oldest first, each in its own transaction under its row lock. The principal goes to the
 * loan's account and the interest to the bank's income, as one linked pair of transfers whose ids
 * are derived from the instalment; so a second node, a rerun or a restart collects nothing twice.
 * Not collected: the instalment becomes {@code late} with the ledger's reason (not enough money, her
 * account frozen), she is told each reason once per instalment, and the next runs try again; an
 * account closed (hers or the bank's: closed is final): it becomes {@code held}, is no longer tried
 * and is listed for staff, who may retry it ({@link #retryHeld}; the bank's account closed: not
 * through the API, the loan is settled outside it). A refusal on the bank's side is
 * not told to her: it is logged and listed for staff. Instalments are collected from the loan's payout account (or
 * the account staff's retry moved it to). A loan's instalments are
 * collected in order: a later one waits for an earlier one still open. The same schedule runs the
 * janitor of loans not paid out ({@link Fulfilments}) and the expiry of applications left waiting
 * on her ({@link Expiries}). Each change of an instalment's status by the job is audited as the
 * system's ({@code instalments}) in its transaction (review 2026-12-07 applications follow-up).
 */
@Service
public class Instalments {

    private static final Logger log = LoggerFactory.getLogger(Instalments.class);
    /** Pages one run takes at most (a job stopped for months catches up over several runs). */
    static final int PAGES_MAX = 24;
    /** The audit's actor of the job's changes of an instalment's status. */
    static final String JOB = "instalments";

    private final JdbcLoans store;
    private final Ledger ledger;
    private final DurableTransactions writes;
    private final ApplicationEventPublisher events;
    private final ApplicationsProperties properties;
    private final Clock clock;
    private final Fulfilments fulfilments;
    private final Directory directory;
    private final JdbcStaffActions actions;
    private final Expiries expiries;

    Instalments(
            JdbcLoans store,
            Directory directory,
            Ledger ledger,
            DurableTransactions writes,
            ApplicationEventPublisher events,
            ApplicationsProperties properties,
            Clock clock,
            Fulfilments fulfilments,
            JdbcStaffActions actions,
            Expiries expiries) {
        this.expiries = expiries;
        this.fulfilments = fulfilments;
        this.actions = actions;
        this.directory = directory;
        this.store = store;
        this.ledger = ledger;
        this.writes = writes;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${socialbank.applications.instalment-interval:1h}",
            initialDelayString = "${socialbank.applications.instalment-interval:1h}")
    void scheduled() {
        if (!properties.instalmentsEnabled()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("instalments: this run failed; the next one takes it again", e);
        }
        try {
            fulfilments.run(); // approvals not paid out whose cause may have passed (review 2026-12-07)
        } catch (RuntimeException e) {
            log.warn("approvals not fulfilled: this run failed; the next one tries them again", e);
        }
        try {
            expiries.run(); // applications left waiting on her (review 2026-12-07 applications follow-up)
        } catch (RuntimeException e) {
            log.warn("expiry: this run failed; the next one takes it again", e);
        }
    }

    /** One run: answers how many instalments it collected. */
    public int run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
        int collected = 0;
        JdbcLoans.InstalmentRow after = null;
        for (int page = 0; page < PAGES_MAX; page++) {
            List<JdbcLoans.InstalmentRow> rows = store.open(today, after, properties.instalmentBatchMax());
            for (JdbcLoans.InstalmentRow row : rows) {
                if (collect(row.loanId(), row.instalment().number())) {
                    collected++;
                }
            }
            if (rows.size() < properties.instalmentBatchMax()) {
                break;
            }
            after = rows.get(rows.size() - 1);
        }
        return collected;
    }

    /** Collects one instalment if it is still open; answers whether this call collected it. */
    boolean collect(LoanId loanId, int number) {
        return writes.write(status -> collect(store.lock(loanId, number).orElseThrow(), true));
    }

    /**
     * Collects an instalment whose row the caller holds, if it is open and the earlier ones are paid.
     * With {@code audited} each change of its status is audited as the job's (review 2026-12-07
     * applications follow-up); staff's retry audits what it did itself ({@link #retryHeld}).
     */
    private boolean collect(JdbcLoans.InstalmentRow row, boolean audited) {
        LoanId loanId = row.loanId();
        int number = row.instalment().number();
        if (row.paid() || "held".equals(row.status()) || store.earlierOpen(loanId, number)) {
            return false;
        }
        Loan loan = store.find(loanId).orElseThrow();
        AccountId from = store.collectAccount(loanId);
        Annuity.Instalment due = row.instalment();
        List<NewTransfer> transfers = transfers(loan, from, due);
        // an instalment of nothing (the rounding paid the principal off a month early) is simply paid
        BatchResult result =
                transfers.isEmpty() ? new BatchResult.Committed(List.of(), false) : ledger.transferLinked(transfers);
        Instant now = Microseconds.now(clock);
        if (result instanceof BatchResult.Committed) {
            store.setStatus(loanId, number, "paid", now);
            if (audited) {
                audit(loan, number, "paid", null, now);
            }
            events.publishEvent(new InstalmentCollected(
                    loanId,
                    loan.customerId(),
                    number,
                    loan.termMonths(),
                    due.totalMinor(),
                    loan.currency(),
                    due.dueOn()));
            return true;
        }
        missed(row, loan, from, ((BatchResult.Rejected) result).code(), now, audited);
        return false;
    }

    /** The job's change of an instalment's status, audited as the system's in its transaction. */
    private void audit(Loan loan, int number, String status, String reason, Instant now) {
        actions.record(new StaffAction(
                now,
                StaffAction.ActorKind.SYSTEM,
                JOB,
                StaffAction.INSTALMENT,
                loan.applicationId(),
                number,
                status,
                reason));
    }

    /**
     * Records why the ledger refused an instalment and says it once per instalment and reason
     * (review 2026-12-07): to her when it is about her account (not enough money, frozen, closed);
     * a refusal on the bank's side (its loan or income account) is {@code bank_<code>}, logged and
     * listed for staff, and never told to her; it is logged once per instalment however many
     * reasons on the bank's side follow one another (their notice key is {@code completing}, as an
     * approval's; review 2026-12-07 apps follow-up). An account closed, hers or the bank's, is closed for
     * good: the instalment is held and no longer tried until staff retry it (follow-up); any other
     * refusal stays late and the next runs try again.
     */
    private void missed(
            JdbcLoans.InstalmentRow row, Loan loan, AccountId from, RejectionCode code, Instant now, boolean audited) {
        boolean hers = LedgerRefusals.hers(ledger, code, from);
        String reason = LedgerRefusals.reason(hers, code);
        String status = code == RejectionCode.ACCOUNT_CLOSED ? "held" : "late";
        int number = row.instalment().number();
        if (!reason.equals(row.missedReason()) || !status.equals(row.status())) {
            store.missed(loan.id(), number, status, reason);
        }
        if (audited && !status.equals(row.status())) {
            audit(loan, number, status, reason, now);
        }
        // her reasons each tell her something else to do; the bank's share one key, noted once per
        // instalment whatever they are (as an approval's, FulfilApproval.COMPLETING)
        if (!store.firstNotice(loan.id(), number, hers ? reason : FulfilApproval.COMPLETING, now)) {
            return;
        }
        if (hers) {
            events.publishEvent(new InstalmentMissed(
                    loan.id(),
                    loan.customerId(),
                    number,
                    row.instalment().totalMinor(),
                    loan.currency(),
                    row.instalment().dueOn(),
                    reason,
                    status.equals("held")));
        } else {
            log.warn(
                    "instalment {} of loan {} refused on the bank's side ({}): {}, listed for staff",
                    number,
                    loan.id(),
                    code,
                    status.equals("held") ? "held" : "tried again");
        }
    }

    /** What staff's retry of an instalment did: its status after it ({@code paid}, {@code late}, {@code held}), or why not. */
    public sealed interface Retry {}

    /** @param alreadyPaid whether it was paid before this retry (nothing was done) */
    public record Retried(String status, String reason, boolean alreadyPaid) implements Retry {

        /** What the audit says it did: {@code already_paid}, else the status it left. */
        String outcome() {
            return alreadyPaid ? "already_paid" : status;
        }
    }

    public record NotRetried(ApplicationRefusal code) implements Retry {}

    /**
     * Staff retry an instalment held (review 2026-12-07): when her account it was collected from is
     * closed and she now has another primary account in the loan's currency, the loan is collected
     * from that one from now on; then the instalment is collected at once in this transaction,
     * under its row lock, with the ids derived from it (never twice). Refused again: it is held (or
     * late) again, and a reason she was told is not told again. Already paid: nothing is done. One
     * of the bank's accounts closed: nothing is tried ({@code bank_account_closed}). Each
     * retry is audited in its transaction with {@code actor} and its outcome ({@link StaffAction}).
     */
    public Retry retryHeld(ApplicationId application, int number, String actor) {
        return writes.write(status -> {
            Retry retry = retry(application, number, actor);
            Retried done = retry instanceof Retried r ? r : null;
            actions.record(new StaffAction(
                    Microseconds.now(clock),
                    StaffAction.ActorKind.STAFF,
                    actor,
                    StaffAction.INSTALMENT_RETRY,
                    application,
                    number,
                    done != null ? done.outcome() : ((NotRetried) retry).code().code(),
                    done != null ? done.reason() : null));
            return retry;
        });
    }

    /** {@link #retryHeld}'s work, in its transaction. */
    private Retry retry(ApplicationId application, int number, String actor) {
        Optional<Loan> loan = store.ofApplication(application);
        if (loan.isEmpty()) {
            return new NotRetried(ApplicationRefusal.LOAN_NOT_FOUND);
        }
        LoanId id = loan.get().id();
        Optional<JdbcLoans.InstalmentRow> row = store.lock(id, number);
        if (row.isEmpty()) {
            return new NotRetried(ApplicationRefusal.INSTALMENT_NOT_FOUND);
        }
        if (!row.get().paid() && !"held".equals(row.get().status())) {
            return new NotRetried(ApplicationRefusal.INSTALMENT_NOT_HELD);
        }
        boolean wasPaid = row.get().paid();
        if (!wasPaid && bankAccountClosed(loan.get())) {
            return new NotRetried(ApplicationRefusal.BANK_ACCOUNT_CLOSED); // it stays held, untried
        }
        if (!wasPaid) {
            moveCollecting(loan.get());
            store.missed(id, number, "late", row.get().missedReason());
            // the status this retry reaches is audited once, as staff's, by its own row (retryHeld)
            boolean paid = collect(store.lock(id, number).orElseThrow(), false);
            log.info("staff ({}) retried instalment {} of loan {}: {}", actor, number, id, paid ? "paid" : "refused");
        }
        JdbcLoans.InstalmentRow after = store.lock(id, number).orElseThrow();
        return new Retried(after.status(), after.paid() ? null : after.missedReason(), wasPaid);
    }

    /**
     * Whether an account of the bank's the instalments move to is closed: closed is final in the
     * ledger and both ids are derived (the loan's from the loan, the income's from the currency),
     * so no retry can collect until the loan is settled outside the API (review 2026-12-07
     * applications follow-up).
     */
    private boolean bankAccountClosed(Loan loan) {
        return LedgerRefusals.in(ledger, loan.accountId(), AccountStatus.CLOSED)
                || LedgerRefusals.in(ledger, Loans.income(loan.currency()), AccountStatus.CLOSED);
    }

    /** Collects from her primary account in the loan's currency when the one it was collected from is closed. */
    private void moveCollecting(Loan loan) {
        AccountId from = store.collectAccount(loan.id());
        if (!LedgerRefusals.in(ledger, from, AccountStatus.CLOSED)) {
            return;
        }
        directory
                .primaryAccount(loan.customerId(), loan.currency().code())
                .filter(a -> !a.equals(from))
                .filter(a -> ledger.account(a)
                        .map(x -> x.status() != AccountStatus.CLOSED)
                        .orElse(false))
                .ifPresent(a -> {
                    store.collectFrom(loan.id(), a);
                    log.info(
                            "loan {} is collected from account {} from now on (its account {} is closed)",
                            loan.id(),
                            a,
                            from);
                });
    }

    /** The principal to the loan's account, the interest to the bank's income (a zero part is left out). */
    private static List<NewTransfer> transfers(Loan loan, AccountId from, Annuity.Instalment due) {
        List<NewTransfer> transfers = new ArrayList<>(2);
        String key = "instalment:" + loan.id() + ":" + due.number();
        if (due.principalMinor() > 0) {
            transfers.add(NewTransfer.posted(
                    Loans.derived(TransferId::new, key + ":principal"),
                    from,
                    loan.accountId(),
                    due.principalMinor(),
                    loan.currency(),
                    "loan-instalment"));
        }
        if (due.interestMinor() > 0) {
            transfers.add(NewTransfer.posted(
                    Loans.derived(TransferId::new, key + ":interest"),
                    from,
                    Loans.income(loan.currency()),
                    due.interestMinor(),
                    loan.currency(),
                    "loan-interest"));
        }
        return transfers;
    }
}
