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
