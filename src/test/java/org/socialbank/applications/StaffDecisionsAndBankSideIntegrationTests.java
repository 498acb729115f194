package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socialbank.cards.Cards;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.support.Api.Response;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.SmsFakes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Review 2026-12-07 (applications follow-up, session 30) over real HTTP and a Telegram fake on H2:
 * staff's decisions are audited once each, with who decided, what and why; a card whose issue the
 * cards module refuses is held for staff and told to her as the bank completing it; and she hears
 * that once per approval however many reasons on the bank's side follow one another; a missed
 * instalment's reasons on the bank's side are noted once per instalment the same way.
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
@ExtendWith(OutputCaptureExtension.class)
class StaffDecisionsAndBankSideIntegrationTests extends LoanHttpTestBase {

    private static final String COMPLETING_CARD =
            "Nous finalisons son émission de notre côté ; vous n’avez rien à faire";
    private static final String COMPLETING_LOAN =
            "Nous finalisons son versement de notre côté ; vous n’avez rien à faire";

    @Autowired
    Cards cards;

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: staff's decisions are audited (who, when, what, the reason given), once per decision however often it is sent")
    void staffDecisionsAreAuditedOnceEach() {
        LoanFixtures.Borrower dora = fixtures.borrower("Dora Décision", Language.EN, 0);
        Application declined = fixtures.submitLoan(dora, 1_000_000, 12, 250_000, "a kitchen");
        assertThat(declined.status()).as("referred to staff").isEqualTo(ApplicationStatus.IN_REVIEW);
        String reason =
                "Your income does not yet cover this instalment. ".repeat(6).strip(); // over 64 characters
        String decline = "{\"status\":\"declined\",\"reason\":\"" + reason + "\"}";
        for (int i = 0; i < 3; i++) { // the first decides, the replays change nothing
            Response sent = api.post("/api/v1/applications/" + declined.id().value() + "/decision", decline);
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        }
        assertProblem(
                api.post("/api/v1/applications/" + declined.id().value() + "/decision", "{\"status\":\"approved\"}"),
                409,
                "already_decided");

        assertThat(audited(declined.id())).singleElement().satisfies(row -> {
            assertThat(row.path("action").asString()).isEqualTo("decision");
            assertThat(row.path("outcome").asString()).isEqualTo("declined");
            assertThat(row.path("reason").asString()).isEqualTo(reason);
            assertThat(row.path("actor").asString()).as("the API client").startsWith("token:");
            assertThat(row.hasNonNull("at")).isTrue();
            assertThat(row.hasNonNull("instalment")).isFalse();
        });

        LoanFixtures.Borrower abel = fixtures.borrower("Abel Accord", Language.EN, 0);
        Application approved = fixtures.submitLoan(abel, 1_000_000, 12, 250_000, "a roof");
        String path = "/api/v1/applications/" + approved.id().value() + "/decision";
        assertThat(api.post(path, "{\"status\":\"approved\"}").status()).isEqualTo(200);
        assertThat(api.post(path, "{\"status\":\"approved\"}").status()).isEqualTo(200);
        fixtures.drain(abel); // spent: the classes sharing this context collect no instalment of his
        assertThat(audited(approved.id()))
                .extracting(r -> r.path("action").asString() + "/"
                        + r.path("outcome").asString() + "/" + r.path("reason").asString("-"))
                .containsExactly("decision/approved/-");
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: a card whose issue the cards module refuses is the bank's side: held for staff, never blamed on her nor told as her failure")
    void aCardRefusedByTheCardsModuleIsTheBanksSide() {
        LoanFixtures.Borrower other = fixtures.borrower("Olga Autre", Language.EN, 0);
        LoanFixtures.Borrower cleo = fixtures.borrower("Cléo Carte", Language.FR, 0);
        String chat = frenchChatOf(cleo);
        ApplicationId id = new ApplicationId(UUID.randomUUID());
        LoanFixtures.takeCardOf(id, other, cards); // the card id derived from her application is another's

        Application approved = fixtures.submitCard(id, cleo, 100_000, 300_000);

        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        JsonNode listed = unfulfilled(id);
        assertThat(listed.path("state").asString()).isEqualTo("not_issued");
        assertThat(listed.path("reason").asString()).isEqualTo("bank_id_reused");
        assertThat(listed.hasNonNull("retryAt")).as("held for staff").isFalse();
        String retry = "/api/v1/applications/" + id.value() + "/fulfilment";
        Response retried = api.post(retry, "{}");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("reason").asString()).isEqualTo("bank_id_reused");
        chats.drain();
        assertThat(chats.told(chat, "nous n’avons pas pu l’émettre"))
                .as("never told as her failure: %s", chats.sent(chat))
                .isEmpty();
        assertThat(chats.told(chat, COMPLETING_CARD)).as("told once").hasSize(1);
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: two reasons on the bank's side for one approval (its loan account frozen, then closed) tell her the neutral notice once")
    void twoBankSideReasonsTellTheNeutralNoticeOnce() {
        LoanFixtures.Borrower nina = fixtures.borrower("Nina Neutre", Language.FR, 0);
        String chat = frenchChatOf(nina);
        ApplicationId id = new ApplicationId(UUID.randomUUID());
        AccountId bankSide = fixtures.bankLoanAccount(id, nina, AccountStatus.FROZEN);

        Application approved = fixtures.submitLoan(id, nina, 130_000, 6, 900_000, "un vélo");
        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(unfulfilled(id).path("reason").asString()).isEqualTo("bank_account_frozen");
        fixtures.status(bankSide, AccountStatus.CLOSED); // a second cause, on the bank's side too
        Response retried = api.post("/api/v1/applications/" + id.value() + "/fulfilment", "{}");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("reason").asString()).isEqualTo("bank_account_closed");

        chats.drain();
        assertThat(chats.told(chat, COMPLETING_LOAN))
                .as("once per approval, whatever the reasons: %s", chats.sent(chat))
                .hasSize(1);
        assertThat(chats.told(chat, "nous n’avons pas pu le verser")).isEmpty();
    }

    @Test
    @DisplayName(
            "two reasons on the bank's side for one instalment (its income account frozen, then closed) are noted once, as an approval's (review 2026-12-07 apps follow-up)")
    void twoBankSideReasonsOfAnInstalmentAreNotedOnce(CapturedOutput output) {
        CurrencyCode dkk = CurrencyCode.of("DKK"); // a currency of its own: its income account is closed for good
        LoanFixtures.Borrower ines = fixtures.borrower("Inès Intérêt", Language.FR, 0);
        String chat = frenchChatOf(ines);
        Application approved = fixtures.submitLoanIn(dkk, ines);
        Loan loan = loans.ofApplication(approved.id()).orElseThrow();
        fixtures.moveTo(loans.schedule(loan.id()).get(0).instalment().dueOn());

        fixtures.status(Loans.income(dkk), AccountStatus.FROZEN);
        instalments.run();
        assertThat(loans.schedule(loan.id()).get(0).status()).isEqualTo("late");
        fixtures.status(Loans.income(dkk), AccountStatus.CLOSED); // a second reason, the bank's too
        instalments.run();
        assertThat(loans.schedule(loan.id()).get(0).status()).isEqualTo("held");

        String noted = "of loan " + loan.id() + " refused on the bank's side";
        assertThat(output.getAll().lines().filter(l -> l.contains(noted)))
                .as("noted once per instalment, whatever the reasons")
                .hasSize(1);
        assertThat(jdbc.sql("SELECT reason FROM loan_instalment_notices WHERE loan_id = ?")
                        .param(loan.id().value())
                        .query(String.class)
                        .list())
                .containsExactly(FulfilApproval.COMPLETING);
        chats.drain();
        assertThat(chats.told(chat, "Nous n’avons pas pu prélever"))
                .as("never told to her: %s", chats.sent(chat))
                .isEmpty();
    }

    private List<JsonNode> audited(ApplicationId id) {
        Response audit = api.get("/api/v1/applications/" + id.value() + "/actions");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        return audit.json()
                .path("actions")
                .valueStream()
                .filter(r -> r.path("actorKind").asString().equals("staff"))
                .toList(); // staff's: her submission and the underwriting's referral are audited too
    }

    private JsonNode unfulfilled(ApplicationId id) {
        Response listed = api.get("/api/v1/applications/unfulfilled?limit=100");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json()
                .path("applications")
                .valueStream()
                .filter(u -> u.path("application")
                        .path("id")
                        .asString()
                        .equals(id.value().toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not listed as unfulfilled: " + id));
    }
}
