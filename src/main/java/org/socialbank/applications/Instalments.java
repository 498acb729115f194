package org.socialbank.applications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * account frozen), she is told once per reason, and the next runs try again; her account closed:
 * it becomes {@code held}, is no longer tried and is listed for staff. A loan's instalments are
 * collected in order: a later one waits for an earlier one still open. The same schedule runs the
 * janitor of loans not paid out ({@link Fulfilments}).
 */
@Service
public class Instalments {

    private static final Logger log = LoggerFactory.getLogger(Instalments.class);
    /** Pages one run takes at most (a job stopped for months catches up over several runs). */
    static final int PAGES_MAX = 24;

    private final JdbcLoans store;
    private final Ledger ledger;
    private final DurableTransactions writes;
    private final ApplicationEventPublisher events;
    private final ApplicationsProperties properties;
    private final Clock clock;
    private final Fulfilments fulfilments;

    Instalments(
            JdbcLoans store,
            Ledger ledger,
            DurableTransactions writes,
            ApplicationEventPublisher events,
            ApplicationsProperties properties,
            Clock clock,
            Fulfilments fulfilments) {
        this.fulfilments = fulfilments;
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
        return writes.write(status -> {
            JdbcLoans.InstalmentRow row = store.lock(loanId, number).orElseThrow();
            if (row.paid() || store.earlierOpen(loanId, number)) {
                return false;
            }
            Loan loan = store.find(loanId).orElseThrow();
            Annuity.Instalment due = row.instalment();
            List<NewTransfer> transfers = transfers(loan, due);
            // an instalment of nothing (the rounding paid the principal off a month early) is simply paid
            BatchResult result = transfers.isEmpty()
                    ? new BatchResult.Committed(List.of(), false)
                    : ledger.transferLinked(transfers);
            Instant now = Microseconds.now(clock);
            if (result instanceof BatchResult.Committed) {
                store.setStatus(loanId, number, "paid", now);
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
            // why the ledger refused, in her words: a closed account is not tried again (staff take it up)
            String reason = ((BatchResult.Rejected) result).code().code();
            boolean held = RejectionCode.ACCOUNT_CLOSED.code().equals(reason);
            if (!reason.equals(row.missedReason())) { // recorded and told once per reason, not every run
                store.missed(loanId, number, held ? "held" : "late", reason);
                events.publishEvent(new InstalmentMissed(
                        loanId,
                        loan.customerId(),
                        number,
                        due.totalMinor(),
                        loan.currency(),
                        due.dueOn(),
                        reason,
                        held));
            }
            return false;
        });
    }

    /** The principal to the loan's account, the interest to the bank's income (a zero part is left out). */
    private static List<NewTransfer> transfers(Loan loan, Annuity.Instalment due) {
        List<NewTransfer> transfers = new ArrayList<>(2);
        String key = "instalment:" + loan.id() + ":" + due.number();
        if (due.principalMinor() > 0) {
            transfers.add(NewTransfer.posted(
                    Loans.derived(TransferId::new, key + ":principal"),
                    loan.payoutAccountId(),
                    loan.accountId(),
                    due.principalMinor(),
                    loan.currency(),
                    "loan-instalment"));
        }
        if (due.interestMinor() > 0) {
            transfers.add(NewTransfer.posted(
                    Loans.derived(TransferId::new, key + ":interest"),
                    loan.payoutAccountId(),
                    Loans.income(loan.currency()),
                    due.interestMinor(),
                    loan.currency(),
                    "loan-interest"));
        }
        return transfers;
    }
}
