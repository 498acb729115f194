package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialbank.support.Races.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.StatusResult;
import org.socialbank.shared.Language;
import org.socialbank.support.FakeSms;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.socialbank.support.RecordedEvents;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Loans racing on PostgreSQL (issue 16 s4): one approval sent by four nodes at once pays the loan
 * out once; the instalment job run by four nodes at once on every due day of a loan's months
 * collects each instalment once, tells a missed one once, and collects it when the money is back.
 */
@SpringBootTest(
        properties = {"socialbank.applications.instalments-enabled=false", "socialbank.applications.auto-decide=false"})
@Import({LoanTestClock.class, PostgresLoansIntegrationTests.Listening.class})
class PostgresLoansIntegrationTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
    }

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    Applications applications;

    @Autowired
    Decisions decisions;

    @Autowired
    Loans loans;

    @Autowired
    Instalments instalments;

    @Autowired
    Fulfilments fulfilments;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordedEvents events;

    @Autowired
    SignOnPage signatures;

    @Autowired
    Confirmations confirmations;

    @Autowired
    FakeSms sms;

    LoanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new LoanFixtures(directory, ledger, applications, signatures, confirmations, sms, clock);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        new LedgerAudit(jdbc).assertBalanced();
        new LedgerAudit(jdbc).assertBalancesMatchTheJournal();
    }

    @Test
    void oneApprovalSentByFourNodesAtOncePaysTheLoanOutOnce() throws Exception {
        LoanFixtures.Borrower borrower = fixtures.borrower("Race Approval", Language.EN, 0);
        Application submitted = fixtures.submitLoan(borrower, 300_000, 6, 400_000, "a bike");
        assertThat(submitted.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        List<Callable<ApplicationResult>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> decisions.decide(submitted.id(), ApplicationStatus.APPROVED, null, "test:staff"));
        }
        List<ApplicationResult> results = race(calls);
        assertThat(results).allMatch(ApplicationResult.Done.class::isInstance);
        assertThat(results.stream().filter(r -> ((ApplicationResult.Done) r).changed()))
                .hasSize(1);
        assertThat(fixtures.balance(borrower.wallet())).isEqualTo(300_000);
        Loan loan = loans.ofApplication(submitted.id()).orElseThrow();
        assertThat(loans.owedMinor(loan)).isEqualTo(300_000);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers WHERE code = 'loan-payout' AND credit_account_id = ?")
                        .param(borrower.wallet().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(events.stream(LoanDisbursed.class).filter(d -> d.loanId().equals(loan.id())))
                .hasSize(1);
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: a decision sent by four nodes at once is audited once, and PostgreSQL refuses to change or remove an audit row")
    void aDecisionIsAuditedOnceAndTheAuditIsInsertOnly() throws Exception {
        LoanFixtures.Borrower borrower = fixtures.borrower("Audited Decline", Language.EN, 0);
        Application submitted = fixtures.submitLoan(borrower, 300_000, 6, 400_000, "a bike");
        String reason = "We cannot lend this amount against your income yet; ".repeat(4) + "sorry.";
        List<Callable<ApplicationResult>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> decisions.decide(submitted.id(), ApplicationStatus.DECLINED, reason, "token:staff"));
        }
        race(calls);
        assertThat(applications.staffActions(submitted.id(), 10))
                .as("her submission, then staff's decision")
                .hasSize(2)
                .first()
                .satisfies(a -> {
                    assertThat(a.actorKind()).isEqualTo(StaffAction.ActorKind.STAFF);
                    assertThat(a.action()).isEqualTo("decision");
                    assertThat(a.outcome()).isEqualTo("declined");
                    assertThat(a.reason()).isEqualTo(reason);
                    assertThat(a.actor()).isEqualTo("token:staff");
                });
        for (String sql : List.of(
                "UPDATE application_staff_actions SET outcome = 'approved' WHERE application_id = ?",
                "DELETE FROM application_staff_actions WHERE application_id = ?")) {
            assertThatThrownBy(() -> jdbc.sql(sql).param(submitted.id().value()).update())
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only");
        }
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE application_staff_actions").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(applications.staffActions(submitted.id(), 10)).hasSize(2);
    }

    @Test
    void instalmentsCollectedByFourNodesAtOnceAreCollectedAndToldOnceAndAMissedOneWhenTheMoneyIsBack()
            throws Exception {
        LoanFixtures.Borrower steady = fixtures.borrower("Steady Payer", Language.EN, 50_000);
        LoanFixtures.Borrower shortOfMoney = fixtures.borrower("Short Payer", Language.FR, 50_000);
        Loan a = approved(steady, 600_000);
        Loan b = approved(shortOfMoney, 450_000);
        List<Loans.ScheduledInstalment> schedule = loans.schedule(a.id());
        assertThat(loans.schedule(b.id()))
                .extracting(s -> s.instalment().dueOn())
                .containsExactlyElementsOf(
                        schedule.stream().map(s -> s.instalment().dueOn()).toList());
        for (Loans.ScheduledInstalment due : schedule) {
            int number = due.instalment().number();
            fixtures.moveTo(due.instalment().dueOn());
            if (number == 2) {
                long spent = fixtures.drain(shortOfMoney);
                runOnFourNodes();
                runOnFourNodes();
                assertThat(loans.schedule(b.id()).get(1).status()).isEqualTo("late");
                fixtures.fund(shortOfMoney, spent);
            }
            runOnFourNodes();
            assertThat(loans.schedule(a.id()).get(number - 1).status()).isEqualTo("paid");
            assertThat(loans.schedule(b.id()).get(number - 1).status()).isEqualTo("paid");
        }
        for (Loan loan : List.of(a, b)) {
            assertThat(loans.owedMinor(loan)).isZero();
            assertThat(events.stream(InstalmentCollected.class)
                            .filter(c -> c.loanId().equals(loan.id()))
                            .map(InstalmentCollected::number))
                    .containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(jdbc.sql(
                                    "SELECT COUNT(*) FROM transfers WHERE code = 'loan-instalment' AND credit_account_id = ?")
                            .param(loan.accountId().value())
                            .query(Long.class)
                            .single())
                    .isEqualTo(6);
        }
        assertThat(events.stream(InstalmentMissed.class).filter(m -> m.loanId().equals(a.id())))
                .isEmpty();
        assertThat(events.stream(InstalmentMissed.class)
                        .filter(m -> m.loanId().equals(b.id()))
                        .map(InstalmentMissed::number))
                .containsExactly(2);
        long paidA =
                schedule.stream().mapToLong(s -> s.instalment().totalMinor()).sum();
        assertThat(fixtures.balance(steady.wallet())).isEqualTo(50_000 + 600_000 - paidA);
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: a loan approved on a frozen account is recorded and paid out once by four janitors once unfrozen, audited once (apps follow-up); a closed account's instalment is held")
    void aLoanNotPaidOutIsRetriedOnceByFourNodesAndAClosedAccountsInstalmentIsHeld() throws Exception {
        LoanFixtures.Borrower frozen = fixtures.borrower("Frozen Payout", Language.EN, 0);
        Application submitted = approvedOn(frozen, AccountStatus.FROZEN, 240_000);
        Fulfilments.Unfulfilled recorded = unfulfilled(submitted.id()).orElseThrow();
        assertThat(recorded.state()).isEqualTo("not_paid_out");
        assertThat(recorded.reason()).isEqualTo("account_frozen");
        assertThat(recorded.retryAt()).isNotNull();
        assertThat(events.stream(ApplicationNotFulfilled.class).filter(n -> n.id().equals(submitted.id())))
                .singleElement()
                .satisfies(n -> assertThat(n.retried()).isTrue());
        assertThat(decisions.decide(submitted.id(), ApplicationStatus.APPROVED, null, "test:staff"))
                .as("deciding again changes nothing")
                .isInstanceOfSatisfying(
                        ApplicationResult.Done.class,
                        d -> assertThat(d.changed()).isFalse());

        status(frozen, AccountStatus.OPEN);
        clock.advance(java.time.Duration.ofHours(2));
        List<Callable<Integer>> janitors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            janitors.add(fulfilments::run);
        }
        assertThat(race(janitors).stream().mapToInt(Integer::intValue).sum())
                .as("one node claims it")
                .isEqualTo(1);
        assertThat(fixtures.balance(frozen.wallet())).isEqualTo(240_000);
        // review 2026-12-07 apps follow-up: every change of status is audited once, whoever made it
        assertThat(applications.staffActions(submitted.id(), 10))
                .extracting(
                        a -> a.actorKind() + "/" + a.actor() + "/" + a.action() + "/" + a.outcome() + "/" + a.reason())
                .containsExactly(
                        "SYSTEM/fulfilment.janitor/fulfilment/fulfilled/null",
                        "SYSTEM/fulfilment/fulfilment/not_paid_out/account_frozen",
                        "STAFF/test:staff/decision/approved/null",
                        "CUSTOMER/customer:" + frozen.id().value() + "/submission/submitted/null");
        Loan loan = loans.ofApplication(submitted.id()).orElseThrow();
        assertThat(events.stream(LoanDisbursed.class).filter(d -> d.loanId().equals(loan.id())))
                .hasSize(1);
        assertThat(unfulfilled(submitted.id())).isEmpty();

        fixtures.moveTo(loans.schedule(loan.id()).get(0).instalment().dueOn());
        fixtures.drain(frozen);
        status(frozen, AccountStatus.CLOSED);
        runOnFourNodes();
        runOnFourNodes();
        assertThat(loans.schedule(loan.id()).get(0).status()).isEqualTo("held");
        assertThat(events.stream(InstalmentMissed.class).filter(m -> m.loanId().equals(loan.id())))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.reason()).isEqualTo("account_closed");
                    assertThat(m.held()).isTrue();
                });
        assertThat(loans.held(100)).anySatisfy(h -> {
            assertThat(h.loan().id()).isEqualTo(loan.id());
            assertThat(h.reason()).isEqualTo("account_closed");
        });
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: staff retrying a loan not paid out and a held instalment on four nodes at once pay and collect once; reasons alternating are told once each")
    void staffRetriesOnFourNodesPayOnce() throws Exception {
        List<Callable<Fulfilments.Retry>> staff = new ArrayList<>();
        LoanFixtures.Borrower moved = fixtures.borrower("Moved Borrower", Language.EN, 0);
        Application submitted = approvedOn(moved, AccountStatus.CLOSED, 210_000);
        assertThat(unfulfilled(submitted.id()).orElseThrow().retryAt())
                .as("left for staff")
                .isNull();
        LoanFixtures.Borrower fresh =
                new LoanFixtures.Borrower(moved.id(), moved.phone(), fixtures.newPrimaryWallet(moved));
        for (int i = 0; i < 4; i++) {
            String node = "staff-" + i;
            staff.add(() -> fulfilments.retry(submitted.id(), node));
        }
        assertThat(race(staff))
                .allSatisfy(r -> assertThat(r)
                        .isInstanceOfSatisfying(
                                Fulfilments.Retried.class,
                                d -> assertThat(d.outstanding()).isEmpty()));
        assertThat(fixtures.balance(fresh.wallet())).as("paid once").isEqualTo(210_000);
        assertThat(applications.staffActions(submitted.id(), 10).stream()
                        .filter(a -> a.action().equals("fulfilment.retry")))
                .as("each retry audited in its transaction")
                .extracting(StaffAction::outcome)
                .containsExactlyInAnyOrder("fulfilled", "already_fulfilled", "already_fulfilled", "already_fulfilled");
        Loan loan = loans.ofApplication(submitted.id()).orElseThrow();
        assertThat(events.stream(LoanDisbursed.class).filter(d -> d.loanId().equals(loan.id())))
                .hasSize(1);

        List<Loans.ScheduledInstalment> schedule = loans.schedule(loan.id());
        fixtures.moveTo(schedule.get(0).instalment().dueOn());
        long spent = fixtures.drain(fresh);
        for (int i = 0; i < 2; i++) {
            runOnFourNodes(); // not enough money
            status(fresh, AccountStatus.FROZEN);
            runOnFourNodes(); // frozen
            status(fresh, AccountStatus.OPEN);
        }
        assertThat(events.stream(InstalmentMissed.class).filter(m -> m.loanId().equals(loan.id())))
                .extracting(InstalmentMissed::reason)
                .containsExactly("exceeds_credits", "account_frozen");
        status(fresh, AccountStatus.CLOSED);
        runOnFourNodes();
        assertThat(loans.schedule(loan.id()).get(0).status()).isEqualTo("held");

        AccountId third = fixtures.newPrimaryWallet(moved);
        fixtures.fundAccount(third, spent);
        List<Callable<Instalments.Retry>> retries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String node = "staff-" + i;
            retries.add(() -> instalments.retryHeld(submitted.id(), 1, node));
        }
        assertThat(race(retries))
                .allSatisfy(r -> assertThat(r)
                        .isInstanceOfSatisfying(
                                Instalments.Retried.class,
                                d -> assertThat(d.status()).isEqualTo("paid")));
        assertThat(fixtures.balance(third))
                .as("collected once")
                .isEqualTo(spent - schedule.get(0).instalment().totalMinor());
        assertThat(events.stream(InstalmentCollected.class)
                        .filter(c -> c.loanId().equals(loan.id())))
                .hasSize(1);
        assertThat(applications.staffActions(submitted.id(), 10).stream()
                        .filter(a -> a.action().equals("instalment.retry")))
                .extracting(StaffAction::outcome)
                .containsExactlyInAnyOrder("paid", "already_paid", "already_paid", "already_paid");
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: staff retrying on four nodes at once while an approval's reasons alternate (frozen, closed, frozen) tell each reason once")
    void anApprovalsReasonsAreToldOnceOnFourNodes() throws Exception {
        LoanFixtures.Borrower flip = fixtures.borrower("Flip Payout", Language.EN, 0);
        Application submitted = approvedOn(flip, AccountStatus.FROZEN, 150_000);
        AccountId closed = fixtures.newPrimaryWallet(flip);
        fixtures.status(closed, AccountStatus.CLOSED);
        retryOnFourNodes(submitted.id());
        assertThat(directory.holdAccount(flip.id(), flip.wallet(), true)).isInstanceOf(DirectoryResult.Done.class);
        retryOnFourNodes(submitted.id());
        assertThat(unfulfilled(submitted.id()).orElseThrow().reason()).isEqualTo("account_frozen");
        assertThat(events.stream(ApplicationNotFulfilled.class).filter(n -> n.id().equals(submitted.id())))
                .extracting(ApplicationNotFulfilled::reason)
                .containsExactly("account_frozen", "account_closed");
        assertThat(applications.staffActions(submitted.id(), 100).stream()
                        .filter(a -> a.action().equals("fulfilment.retry")))
                .hasSize(8);

        status(flip, AccountStatus.OPEN);
        retryOnFourNodes(submitted.id());
        assertThat(fixtures.balance(flip.wallet())).as("paid once").isEqualTo(150_000);
    }

    private void retryOnFourNodes(ApplicationId id) throws Exception {
        List<Callable<Fulfilments.Retry>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String node = "staff-" + i;
            calls.add(() -> fulfilments.retry(id, node));
        }
        assertThat(race(calls)).allSatisfy(r -> assertThat(r).isInstanceOf(Fulfilments.Retried.class));
    }

    /** A loan applied for and approved while her wallet is frozen or closed: not paid out. */
    private Application approvedOn(LoanFixtures.Borrower borrower, AccountStatus wallet, long amountMinor) {
        status(borrower, wallet);
        Application submitted = fixtures.submitLoan(borrower, amountMinor, 6, 900_000, "a van");
        assertThat(decisions.decide(submitted.id(), ApplicationStatus.APPROVED, null, "test:staff"))
                .isInstanceOf(ApplicationResult.Done.class);
        assertThat(loans.ofApplication(submitted.id())).isEmpty();
        return submitted;
    }

    private Optional<Fulfilments.Unfulfilled> unfulfilled(ApplicationId id) {
        return fulfilments.unfulfilled(100).stream()
                .filter(u -> u.application().id().equals(id))
                .findFirst();
    }

    private void status(LoanFixtures.Borrower borrower, AccountStatus target) {
        assertThat(ledger.changeStatus(borrower.wallet(), target)).isInstanceOf(StatusResult.Changed.class);
    }

    private Loan approved(LoanFixtures.Borrower borrower, long amountMinor) {
        Application submitted = fixtures.submitLoan(borrower, amountMinor, 6, 500_000, "a boat");
        assertThat(decisions.decide(submitted.id(), ApplicationStatus.APPROVED, null, "test:staff"))
                .isInstanceOf(ApplicationResult.Done.class);
        return loans.ofApplication(submitted.id()).orElseThrow();
    }

    private void runOnFourNodes() throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(instalments::run);
        }
        race(calls);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listening {

        @Bean
        RecordedEvents events() {
            return new RecordedEvents();
        }

        @Bean
        FakeSms fakeSms() {
            return new FakeSms();
        }
    }
}
