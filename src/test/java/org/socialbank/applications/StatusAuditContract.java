package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.cards.Cards;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.shared.Language;
import org.socialbank.support.Api.Response;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.SmsFakes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Review 2026-12-07 (apps follow-up) over real HTTP on H2 and PostgreSQL (the twins {@code
 * StatusAuditIntegrationTests}, {@code PostgresStatusAuditIntegrationTests}; auto-decide on, which
 * {@code PostgresLoansIntegrationTests} leaves off): every change of an application's status
 * is audited once in its transaction, whoever made it: her signed form (customer), the
 * underwriting's verdict applied by auto-decide, the fulfilment that follows an approval and its
 * janitor (system), staff (as before); a change that does not happen (a replay, the same outcome
 * again) adds no row. {@code GET .../actions} lists them with their actor's kind.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false",
            "socialbank.conversation.relay-enabled=false",
            "socialbank.applications.instalments-enabled=false",
            "socialbank.applications.auto-decide=true"
        })
@Import({ChatFakes.class, SmsFakes.class, LoanTestClock.class})
abstract class StatusAuditContract extends LoanHttpBase {

    @Autowired
    Cards cards;

    @Autowired
    Expiries expiries;

    @Test
    @DisplayName(
            "each of the underwriting's verdicts applied by auto-decide is audited as the system's, after her submission (review 2026-12-07 apps follow-up)")
    void theUnderwritingsVerdictsAreAudited() {
        LoanFixtures.Borrower ada = fixtures.borrower("Ada Approve", Language.EN, 0);
        Application approved = fixtures.submitLoan(ada, 130_000, 6, 900_000, "a bike");
        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        fixtures.drain(ada); // the classes sharing this context collect no instalment of hers
        assertThat(rows(approved.id()))
                .containsExactly(
                        "system/sandbox-underwriting:approve/decision/approved/-",
                        "customer/customer:" + ada.id().value() + "/submission/submitted/-");

        LoanFixtures.Borrower dan = fixtures.borrower("Dan Decline", Language.EN, 0);
        Application declined = fixtures.submitLoan(dan, 130_000, 6, 0, "a bike");
        assertThat(declined.status()).isEqualTo(ApplicationStatus.DECLINED);
        assertThat(rows(declined.id()).get(0))
                .isEqualTo("system/sandbox-underwriting:decline/decision/declined/no_income");

        LoanFixtures.Borrower rex = fixtures.borrower("Rex Refer", Language.EN, 0);
        Application referred = fixtures.submitLoan(rex, 1_000_000, 12, 250_000, "a kitchen");
        assertThat(referred.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(rows(referred.id()).get(0))
                .startsWith("system/sandbox-underwriting:refer/decision/in_review/")
                .contains("instalment_over_30_percent_of_income");
        Response decided = api.post(
                "/api/v1/applications/" + referred.id().value() + "/decision",
                "{\"status\":\"declined\",\"reason\":\"not now\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        List<String> all = rows(referred.id());
        assertThat(all).hasSize(3);
        assertThat(all.get(0)).startsWith("staff/token:").endsWith("/decision/declined/not now");
    }

    @Test
    @DisplayName(
            "a submission signed again (a replayed confirmation) changes nothing and adds no row (review 2026-12-07 apps follow-up)")
    void aReplayedSubmissionAddsNoRow() {
        LoanFixtures.Borrower sam = fixtures.borrower("Sam Replay", Language.EN, 0);
        Application submitted = fixtures.submitLoan(sam, 1_000_000, 12, 250_000, "a kitchen");
        List<String> before = rows(submitted.id());
        assertThat(applications.submitSigned(submitted.id(), Applications.digest(submitted)))
                .isEmpty();
        assertThat(rows(submitted.id())).isEqualTo(before).hasSize(2);
    }

    @Test
    @DisplayName(
            "a card the cards module refuses to issue is audited as the system's fulfilment (not_issued and why), once; staff's retry is audited as theirs only (review 2026-12-07 apps follow-up)")
    void aCardIssueRefusedIsAudited() {
        LoanFixtures.Borrower other = fixtures.borrower("Otto Autre", Language.EN, 0);
        LoanFixtures.Borrower cara = fixtures.borrower("Cara Card", Language.EN, 0);
        ApplicationId id = new ApplicationId(UUID.randomUUID());
        LoanFixtures.takeCardOf(id, other, cards); // the card id derived from her application is another's

        Application approved = fixtures.submitCard(id, cara, 100_000, 300_000);
        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(rows(id))
                .containsExactly(
                        "system/fulfilment/fulfilment/not_issued/bank_id_reused",
                        "system/sandbox-underwriting:approve/decision/approved/-",
                        "customer/customer:" + cara.id().value() + "/submission/submitted/-");

        Response retried = api.post("/api/v1/applications/" + id.value() + "/fulfilment", "{}");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(rows(id))
                .hasSize(4)
                .first()
                .asString()
                .startsWith("staff/token:")
                .endsWith("/fulfilment.retry/not_issued/bank_id_reused");
    }

    @Test
    @DisplayName(
            "a loan not paid out (her account frozen) is audited as the system's; the janitor's run that pays it is audited once, its runs that change nothing add no row (review 2026-12-07 apps follow-up)")
    void theJanitorsPayoutIsAudited() {
        LoanFixtures.Borrower fay = fixtures.borrower("Fay Frozen", Language.EN, 0);
        fixtures.status(fay.wallet(), AccountStatus.FROZEN);
        Application approved = fixtures.submitLoan(fay, 130_000, 6, 900_000, "a bike");
        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(rows(approved.id())).first().isEqualTo("system/fulfilment/fulfilment/not_paid_out/account_frozen");

        clock.advance(Duration.ofHours(2));
        fulfilments.run(); // still frozen: the same outcome, no change
        assertThat(rows(approved.id())).hasSize(3);

        fixtures.status(fay.wallet(), AccountStatus.OPEN);
        clock.advance(Duration.ofHours(2));
        fulfilments.run();
        clock.advance(Duration.ofHours(2));
        fulfilments.run();
        assertThat(fixtures.balance(fay.wallet())).isEqualTo(130_000);
        fixtures.drain(fay);
        List<String> all = rows(approved.id());
        assertThat(all).hasSize(4);
        assertThat(all.get(0)).isEqualTo("system/fulfilment.janitor/fulfilment/fulfilled/-");
    }

    @Test
    @DisplayName(
            "each change of an instalment's status is audited once in its transaction: the job's as the system's, staff's retry as theirs only; a run that changes nothing adds no row (review 2026-12-07 applications follow-up)")
    void eachInstalmentStatusChangeIsAudited() {
        LoanFixtures.Borrower ivy = fixtures.borrower("Ivy Instalment", Language.EN, 0);
        Application approved = fixtures.submitLoan(ivy, 130_000, 6, 900_000, "a bike");
        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        fixtures.drain(ivy);
        List<Loans.ScheduledInstalment> schedule =
                loans.schedule(loans.ofApplication(approved.id()).orElseThrow().id());
        assertThat(instalmentRows(approved.id())).isEmpty();

        fixtures.moveTo(schedule.get(0).instalment().dueOn());
        instalments.run();
        instalments.run(); // still no money: still late, no second row
        assertThat(instalmentRows(approved.id()))
                .containsExactly("system/instalments/instalment/1/late/exceeds_credits");
        fixtures.status(ivy.wallet(), AccountStatus.FROZEN);
        instalments.run(); // late for another reason: the status is the same, no row
        assertThat(instalmentRows(approved.id())).hasSize(1);
        fixtures.status(ivy.wallet(), AccountStatus.OPEN);
        fixtures.fund(ivy, 100_000);
        instalments.run();
        instalments.run();
        assertThat(instalmentRows(approved.id()))
                .containsExactly(
                        "system/instalments/instalment/1/paid/-",
                        "system/instalments/instalment/1/late/exceeds_credits");

        fixtures.moveTo(schedule.get(1).instalment().dueOn());
        fixtures.drain(ivy);
        fixtures.status(ivy.wallet(), AccountStatus.CLOSED);
        instalments.run();
        instalments.run(); // held: no longer tried, no second row
        assertThat(instalmentRows(approved.id()))
                .first()
                .isEqualTo("system/instalments/instalment/2/held/account_closed");
        Response retried =
                api.post("/api/v1/applications/" + approved.id().value() + "/loan/instalments/2/retry", "{}");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        List<String> all = instalmentRows(approved.id());
        assertThat(all).hasSize(4); // the retry's own row, no system row beside it
        assertThat(all.get(0)).startsWith("staff/token:").endsWith("/instalment.retry/2/held/account_closed");
    }

    @Test
    @DisplayName(
            "an application left waiting on her expires once after expire-after (a fresh link puts it off), audited as the system's, she is told in her language how to start again, and she can (review 2026-12-07 applications follow-up)")
    void anApplicationLeftWaitingExpires() {
        LoanFixtures.Borrower eve = fixtures.borrower("Ève Expire", Language.FR, 0);
        String chat = frenchChatOf(eve);
        ApplicationId id = new ApplicationId(UUID.randomUUID());
        assertThat(applications.start(id, eve.id(), Product.LOAN, "telegram")).isInstanceOf(Applications.Started.class);

        clock.advance(Duration.ofDays(29));
        expiries.run();
        assertThat(applications.application(id).orElseThrow().status()).isEqualTo(ApplicationStatus.STARTED);
        clock.advance(Duration.ofDays(2));
        // she asks again: the same application, a fresh link, which the expiry never cuts short
        Applications.Start again =
                applications.start(new ApplicationId(UUID.randomUUID()), eve.id(), Product.LOAN, "telegram");
        assertThat(((Applications.Started) again).application().id()).isEqualTo(id);
        expiries.run();
        assertThat(applications.application(id).orElseThrow().status()).isEqualTo(ApplicationStatus.STARTED);
        assertThat(rows(id)).isEmpty();

        clock.advance(Duration.ofDays(8)); // her last link expired too
        expiries.run();
        expiries.run(); // a second run (or node) expires nothing more
        assertThat(applications.application(id).orElseThrow().status()).isEqualTo(ApplicationStatus.EXPIRED);
        assertThat(rows(id)).containsExactly("system/expiry.janitor/expiry/expired/started");
        chats.drain();
        assertThat(chats.told(chat, "Votre demande de prêt a expiré"))
                .as("%s", chats.sent(chat))
                .hasSize(1);
        assertThat(chats.told(chat, "Pour refaire une demande, écrivez simplement « demander un prêt »"))
                .hasSize(1);
        assertProblem(
                api.post("/api/v1/applications/" + id.value() + "/decision", "{\"status\":\"approved\"}"),
                409,
                "transition_not_allowed");

        ApplicationId next = new ApplicationId(UUID.randomUUID());
        Applications.Start anew = applications.start(next, eve.id(), Product.LOAN, "telegram");
        assertThat(((Applications.Started) anew).application().id()).isEqualTo(next);
        assertThat(((Applications.Started) anew).url()).isNotNull();
    }

    @Test
    @DisplayName(
            "a backlog of applications stale for a year expires in one run, page after page, audited as the system's, and no one is told (reread 2026-12-08 applications)")
    void aBacklogExpiresSilentlyPageAfterPage() {
        List<ApplicationId> ids = new java.util.ArrayList<>();
        List<String> chatsOf = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            LoanFixtures.Borrower old = fixtures.borrower("Olga Old " + i, Language.FR, 0);
            chatsOf.add(frenchChatOf(old));
            ApplicationId id = new ApplicationId(UUID.randomUUID());
            assertThat(applications.start(id, old.id(), Product.LOAN, "telegram"))
                    .isInstanceOf(Applications.Started.class);
            ids.add(id);
        }
        clock.advance(Duration.ofDays(365));

        assertThat(expiries.run(2)).isGreaterThanOrEqualTo(ids.size()); // pages of 2: all in one run
        chats.drain();
        for (int i = 0; i < ids.size(); i++) {
            assertThat(applications.application(ids.get(i)).orElseThrow().status())
                    .isEqualTo(ApplicationStatus.EXPIRED);
            assertThat(rows(ids.get(i))).containsExactly("system/expiry.janitor/expiry/expired/started");
            assertThat(chats.told(chatsOf.get(i), "a expiré"))
                    .as("%s", chats.sent(chatsOf.get(i)))
                    .isEmpty();
        }
        assertThat(expiries.run(2)).isZero();
    }

    @Test
    @DisplayName(
            "her signature and the expiry racing on the same application: exactly one wins, and only its row is audited (review 2026-12-07 applications follow-up)")
    void herSignatureAndTheExpiryRace() throws Exception {
        long seed = System.nanoTime();
        java.util.random.RandomGenerator random = new java.util.Random(seed);
        for (int round = 0; round < 4; round++) {
            LoanFixtures.Borrower rae = fixtures.borrower("Rae Race " + round, Language.EN, 0);
            ApplicationId id = new ApplicationId(UUID.randomUUID());
            Applications.Started started =
                    (Applications.Started) applications.start(id, rae.id(), Product.LOAN, "telegram");
            String path = java.net.URI.create(started.url()).getPath();
            SignOnPage.Signing signing = signatures.start(
                    path.substring(path.lastIndexOf('/') + 1),
                    new Applications.Answers(1_000_000L, 12, 250_000L, "a kitchen"));
            assertThat(signing.url()).as("%s", signing.submission()).isNotNull();
            Application kept = applications.application(id).orElseThrow();
            clock.advance(Duration.ofDays(31));
            int headStartMs = random.nextInt(3);
            boolean herFirst = random.nextBoolean();
            java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var signed = pool.submit(() -> {
                    barrier.await();
                    Thread.sleep(herFirst ? 0 : headStartMs);
                    return applications.submitSigned(id, Applications.digest(kept));
                });
                var expired = pool.submit(() -> {
                    barrier.await();
                    Thread.sleep(herFirst ? headStartMs : 0);
                    return expiries.expire(id);
                });
                boolean sheWon =
                        signed.get(30, java.util.concurrent.TimeUnit.SECONDS).isPresent();
                boolean expiryWon = expired.get(30, java.util.concurrent.TimeUnit.SECONDS);
                String what = "seed " + seed + ", round " + round;
                assertThat(sheWon).as(what).isNotEqualTo(expiryWon);
                ApplicationStatus now =
                        applications.application(id).orElseThrow().status();
                assertThat(now == ApplicationStatus.EXPIRED).as(what).isEqualTo(expiryWon);
                List<String> audit = rows(id);
                assertThat(audit.stream().filter(r -> r.contains("/expiry/")).count())
                        .as(what)
                        .isEqualTo(expiryWon ? 1 : 0);
                assertThat(audit.stream()
                                .filter(r -> r.contains("/submission/"))
                                .count())
                        .as(what)
                        .isEqualTo(sheWon ? 1 : 0);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** The audit's rows about instalments, newest first: kind/actor/action/number/outcome/reason. */
    private List<String> instalmentRows(ApplicationId id) {
        Response audit = api.get("/api/v1/applications/" + id.value() + "/actions?limit=100");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        return audit.json()
                .path("actions")
                .valueStream()
                .filter(r -> r.path("action").asString().startsWith("instalment"))
                .map(r -> r.path("actorKind").asString() + "/" + r.path("actor").asString() + "/"
                        + r.path("action").asString() + "/"
                        + r.path("instalment").asInt() + "/"
                        + r.path("outcome").asString() + "/" + r.path("reason").asString("-"))
                .toList();
    }

    /** The audit as listed over HTTP, newest first: kind/actor/action/outcome/reason. */
    private List<String> rows(ApplicationId id) {
        Response audit = api.get("/api/v1/applications/" + id.value() + "/actions");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        return audit.json()
                .path("actions")
                .valueStream()
                .map(StatusAuditContract::row)
                .toList();
    }

    private static String row(JsonNode r) {
        assertThat(r.hasNonNull("at")).isTrue();
        return r.path("actorKind").asString() + "/" + r.path("actor").asString() + "/"
                + r.path("action").asString() + "/" + r.path("outcome").asString() + "/"
                + r.path("reason").asString("-");
    }
}
