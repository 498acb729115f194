package org.socialbank.applications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.OpenResult;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Microseconds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Loans: the payout of an approved loan application into the customer's account, with its annuity
 * schedule. The loan has its own ledger account (debit-normal, opened with the loan, never repaid
 * beyond what it owes); the payout is one transfer from it to the customer's primary account in the
 * application's currency. Ids are derived from the application's, so approving twice (or a retried
 * transaction) pays once.
 */
@Service
public class Loans {

    private static final Logger log = LoggerFactory.getLogger(Loans.class);
    static final String OWNER = "bank:loans";
    /** The most loans a customer's list shows. */
    public static final int LIST_MAX = 10;

    private final JdbcLoans store;
    private final Directory directory;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final ApplicationsProperties properties;
    private final Clock clock;

    Loans(
            JdbcLoans store,
            Directory directory,
            Ledger ledger,
            ApplicationEventPublisher events,
            ApplicationsProperties properties,
            Clock clock) {
        this.store = store;
        this.directory = directory;
        this.ledger = ledger;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The monthly instalment the bank's rate gives a loan of this amount and term. */
    long instalmentMinor(long amountMinor, int termMonths) {
        return Annuity.instalmentMinor(amountMinor, properties.loanRateBasisPoints(), termMonths);
    }

    /**
     * Pays out an approved loan application, in the caller's transaction: the loan, its schedule,
     * the payout transfer and {@link LoanDisbursed} commit together. Fulfilled when it was paid
     * (now or before); else why not: the approval stands, and the caller records it, tells her and
     * lists it for staff. Trying again pays once (the ids are derived from the application's).
     */
    Fulfilment disburse(Application a) {
        LoanId id = loanId(a.id());
        if (store.find(id).isPresent()) {
            return new Fulfilment.Fulfilled();
        }
        Optional<AccountId> payout =
                directory.primaryAccount(a.customerId(), a.currency().code());
        if (payout.isEmpty()) {
            return refused(a, "no_account", false);
        }
        AccountId account = account(id);
        open(new NewAccount(
                account,
                a.currency(),
                a.customerId().ownerRef(),
                AccountKind.LOAN,
                Set.of(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)));
        open(new NewAccount(income(a.currency()), a.currency(), OWNER, AccountKind.FEES, Set.of()));
        TransferId transfer = derived(TransferId::new, "payout:" + id);
        TransferResult paid = ledger.transfer(
                NewTransfer.posted(transfer, account, payout.get(), a.amountMinor(), a.currency(), "loan-payout"));
        if (paid instanceof TransferResult.Rejected rejected) {
            // her account frozen or closed is hers; the loan account frozen is the bank's (review 2026-12-07)
            boolean hers = LedgerRefusals.hers(ledger, rejected.code(), payout.get());
            return refused(a, LedgerRefusals.reason(hers, rejected.code()), !hers);
        }
        Instant now = Microseconds.now(clock);
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        int rate = properties.loanRateBasisPoints();
        List<Annuity.Instalment> schedule = Annuity.schedule(a.amountMinor(), rate, a.termMonths(), today);
        Loan loan = new Loan(
                id,
                a.id(),
                a.customerId(),
                account,
                payout.get(),
                a.currency(),
                a.amountMinor(),
                rate,
                a.termMonths(),
                Annuity.instalmentMinor(a.amountMinor(), rate, a.termMonths()),
                today,
                now);
        store.insert(loan, transfer.value(), schedule);
        events.publishEvent(new LoanDisbursed(id, a.customerId(), a.amountMinor(), a.currency(), rate, schedule));
        return new Fulfilment.Fulfilled();
    }

    public Optional<Loan> loan(LoanId id) {
        return store.find(id);
    }

    public Optional<Loan> ofApplication(ApplicationId id) {
        return store.ofApplication(id);
    }

    /** The customer's loans, newest first (at most {@link #LIST_MAX}). */
    public List<Loan> ofCustomer(CustomerId customer) {
        return store.ofCustomer(customer, LIST_MAX);
    }

    /** A loan as its customer reads it: what it still owes and its schedule. */
    public record Statement(Loan loan, long owedMinor, List<ScheduledInstalment> schedule) {

        public Statement {
            schedule = List.copyOf(schedule);
        }
    }

    /** The customer's newest loan; empty when they have none. */
    public Optional<Statement> latest(CustomerId customer) {
        return store.ofCustomer(customer, 1).stream()
                .findFirst()
                .map(l -> new Statement(l, owedMinor(l), schedule(l.id())));
    }

    /**
     * An instalment staff take up: {@code held} (the job stopped collecting it: her account or one
     * of the bank's is closed) or {@code late} refused on the bank's side; {@code reason} the
     * ledger's code ({@code bank_<code>} for the bank's side).
     */
    public record HeldInstalment(Loan loan, Annuity.Instalment instalment, String status, String reason) {}

    /** Where a page of {@link #held} ends: the next page starts after it. */
    public record HeldAfter(LocalDate dueOn, LoanId loanId, int number) {}

    /** Instalments for staff, oldest due first (at most 100). */
    public List<HeldInstalment> held(int limit) {
        return held(limit, null);
    }

    /** A page of {@link #held(int)} after {@code after} (null: the first page). */
    public List<HeldInstalment> held(int limit, HeldAfter after) {
        return store.held(Math.max(1, Math.min(limit, 100)), after).stream()
                .map(h -> new HeldInstalment(
                        store.find(h.loanId()).orElseThrow(), h.instalment(), h.status(), h.missedReason()))
                .toList();
    }

    /** An instalment of a loan's schedule and whether it was paid, is due, late or held. */
    public record ScheduledInstalment(Annuity.Instalment instalment, String status) {}

    public List<ScheduledInstalment> schedule(LoanId loan) {
        return store.schedule(loan).stream()
                .map(r -> new ScheduledInstalment(r.instalment(), r.status()))
                .toList();
    }

    /** What the loan still owes of its principal (its ledger account's balance). */
    public long owedMinor(Loan loan) {
        return ledger.account(loan.accountId())
                .map(a -> a.debitsPosted() - a.creditsPosted())
                .orElse(0L);
    }

    static LoanId loanId(ApplicationId application) {
        return derived(LoanId::new, "loan:" + application.value());
    }

    static AccountId account(LoanId loan) {
        return derived(AccountId::new, "account:" + loan.value());
    }

    /** The bank's income account of a currency: loans' interest. */
    static AccountId income(CurrencyCode currency) {
        return derived(AccountId::new, "income:" + currency.code());
    }

    static <T> T derived(java.util.function.Function<UUID, T> type, String name) {
        return type.apply(UUID.nameUUIDFromBytes(("socialbank-loans:" + name).getBytes(StandardCharsets.UTF_8)));
    }

    private void open(NewAccount account) {
        if (ledger.account(account.id()).isPresent()) {
            return;
        }
        if (ledger.open(account) instanceof OpenResult.Rejected rejected) {
            throw new IllegalStateException("the loan account " + account.id() + " conflicts with an existing one: "
                    + rejected.code().code());
        }
    }

    private static Fulfilment refused(Application a, String reason, boolean bankSide) {
        log.warn(
                "application {} approved but its loan was not paid out: {}{}",
                a.id(),
                reason,
                bankSide ? " (the bank's side: listed for staff)" : "");
        return new Fulfilment.Unfulfilled(reason, bankSide);
    }
}
