package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.StatusResult;
import org.socialbank.ledger.Transfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.shared.Language;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.FormClient;
import org.socialbank.support.SmsFakes;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 s4 over real HTTP, the bank's page and a Telegram fake on H2: the underwriting decides a
 * submitted form (approve, decline, refer) and says why in the customer's language; an approved loan
 * is paid into the customer's account through the ledger with its annuity schedule shown in chat;
 * the instalment job, run twice a day with an injected clock over the loan's twelve months, collects
 * each instalment once, tells a missed one once and collects it when the money is back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false",
            "socialbank.conversation.relay-enabled=false",
            "socialbank.applications.instalments-enabled=false",
            // tests run outside demo mode, where the sandbox's verdicts wait for staff unless this is set:
            // these tests are about loans the rules approve and pay out
            "socialbank.applications.auto-decide=true"
        })
@Import({ChatFakes.class, SmsFakes.class, LoanTestClock.class})
class LoansIntegrationTests extends LoanHttpTestBase {

    @Test
    void aLoanApprovedByTheRulesIsPaidOutWithItsScheduleAndEveryInstalmentIsCollectedOnce() {
        LoanFixtures.Borrower borrower = fixtures.borrower("Louise Emprunteuse", Language.FR, 100_000);
        String chat = chats.linkedTo(borrower.id());
        Outbound.Link link = (Outbound.Link) chats.say(chat, "demander un prêt").get(0);
        String path = URI.create(link.url()).getPath();
        FormClient browser = new FormClient(port);
        assertThat(browser.get(path + "?lang=fr").html()).contains("Louise Emprunteuse");
        FormClient.Page signing =
                browser.post(path, "amount", "6 000", "term", "12", "income", "3 000", "purpose", "voiture");
        assertThat(signing.html()).contains("Signer la demande de prêt").contains("sur 12 mois");
        chats.drain();
        assertThat(chats.told(chat, "Nous avons reçu votre demande de prêt")).isEmpty(); // not before it is signed
        LoanFixtures.sign(browser, signing, sms.lastCode(borrower.phone()));
        chats.drain();
        assertThat(chats.told(chat, "Nous avons reçu votre demande de prêt")).hasSize(1);
        assertThat(chats.told(chat, "votre demande de prêt est acceptée")).hasSize(1);
        List<String> paid = chats.told(chat, "ont été versés sur votre compte");
        assertThat(paid)
                .singleElement()
                .satisfies(t -> assertThat(t)
                        .contains("12 mensualités")
                        .contains("6,9")
                        .contains("\n1. ")
                        .contains("\n12. "));

        UUID id = applicationOf(borrower.id());
        assertThat(api.get("/api/v1/applications/" + id).json().path("status").asString())
                .isEqualTo("approved");
        assertThat(api.get("/api/v1/applications/" + id + "/assessment")
                        .json()
                        .path("decision")
                        .asString())
                .isEqualTo("approve");
        JsonNode loan = api.get("/api/v1/applications/" + id + "/loan").json();
        assertThat(loan.path("principalMinor").asLong()).isEqualTo(600_000);
        assertThat(loan.path("owedMinor").asLong()).isEqualTo(600_000);
        assertThat(loan.path("annualRateBasisPoints").asInt()).isEqualTo(690);
        assertThat(loan.path("schedule")).hasSize(12);
        assertThat(fixtures.balance(borrower.wallet())).isEqualTo(700_000);
        assertThat(Chats.text(chats.say(chat, "mon prêt")))
                .contains("Votre prêt de")
                .contains("0 mensualités payées sur 12")
                .contains("\n1. ")
                .contains("à payer")
                .doesNotContain("\n7. "); // the next six

        long repaid = 0;
        for (JsonNode due : loan.path("schedule")) {
            int number = due.path("number").asInt();
            fixtures.moveTo(LocalDate.parse(due.path("dueOn").asString()));
            LoanId loanId = new LoanId(UUID.fromString(loan.path("id").asString()));
            if (number == 3) {
                long spent = fixtures.drain(borrower);
                instalments.run();
                instalments.run(); // told once, however often it runs
                assertThat(loans.schedule(loanId).get(2).status()).isEqualTo("late");
                chats.drain();
                assertThat(chats.told(chat, "Nous n’avons pas pu prélever la mensualité 3 "))
                        .hasSize(1);
                fixtures.fund(borrower, spent);
            }
            instalments.run();
            instalments.run(); // the same day again
            assertThat(loans.schedule(loanId).get(number - 1).status())
                    .as("instalment %d", number)
                    .isEqualTo("paid");
            if (number < 12) {
                assertThat(loans.schedule(loanId).get(number).status())
                        .as("not before its day")
                        .isEqualTo("due");
            }
            chats.drain();
            assertThat(chats.told(chat, "Mensualité " + number + " sur 12 de votre prêt payée"))
                    .hasSize(1);
            repaid += due.path("totalMinor").asLong();
            Transfer interest = ledger.transfer(Loans.derived(
                            TransferId::new, "instalment:" + loan.path("id").asString() + ":" + number + ":interest"))
                    .orElseThrow();
            assertThat(interest.amountMinor())
                    .isEqualTo(due.path("interestMinor").asLong());
            assertThat(interest.creditAccountId()).isEqualTo(Loans.income(LoanFixtures.EUR));
        }
        chats.drain();
        assertThat(chats.told(chat, "de votre prêt payée")).hasSize(12);
        assertThat(chats.told(chat, "Mensualité 12 sur 12 de votre prêt payée")).hasSize(1);
        assertThat(Chats.text(chats.say(chat, "échéancier"))).contains("12 mensualités payées sur 12");
        JsonNode done = api.get("/api/v1/applications/" + id + "/loan").json();
        assertThat(done.path("owedMinor").asLong()).isZero();
        assertThat(done.path("schedule"))
                .allSatisfy(i -> assertThat(i.path("status").asString()).isEqualTo("paid"));
        assertThat(fixtures.balance(borrower.wallet())).isEqualTo(700_000 - repaid);
        assertThat(repaid).isGreaterThan(600_000);
    }

    @Test
    void aCardLimitAboveThreeMonthsOfIncomeIsDeclinedByTheRulesAndToldWhyInChinese() {
        LoanFixtures.Borrower borrower = fixtures.borrower("王 卡", Language.ZH, 0);
        String chat = chats.linkedTo(borrower.id());
        String path = URI.create(((Outbound.Link) chats.say(chat, "申请信用卡").get(0)).url())
                .getPath();
        FormClient browser = new FormClient(port);
        browser.get(path + "?lang=zh");
        LoanFixtures.sign(
                browser, browser.post(path, "amount", "10000", "income", "3000"), sms.lastCode(borrower.phone()));
        chats.drain();
        assertThat(chats.told(chat, "您的信用卡申请未通过"))
                .singleElement()
                .satisfies(t -> assertThat(t).contains("原因：申请的额度超过您三个月的收入。"));
        UUID id = applicationOf(borrower.id());
        JsonNode assessment =
                api.get("/api/v1/applications/" + id + "/assessment").json();
        assertThat(assessment.path("decision").asString()).isEqualTo("decline");
        assertThat(assessment.path("reasons").get(0).asString()).isEqualTo("limit_over_3_months_income");
        assertThat(api.get("/api/v1/customers/" + borrower.id().value() + "/cards")
                        .json()
                        .path("cards"))
                .isEmpty();
        assertProblem(api.get("/api/v1/applications/" + id + "/loan"), 404, "loan_not_found");
    }

    @Test
    void aReferredLoanWaitsForStaffAndIsPaidOutOnceHoweverOftenItIsApproved() {
        LoanFixtures.Borrower borrower = fixtures.borrower("Rex Referred", Language.EN, 5_000);
        String chat = chats.linkedTo(borrower.id());
        assertThat(Chats.text(chats.say(chat, "my applications"))).contains("no applications"); // the chat opens
        Application submitted = fixtures.submitLoan(borrower, 1_000_000, 12, 250_000, "a kitchen");
        UUID id = submitted.id().value();
        assertThat(submitted.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        chats.drain();
        assertThat(chats.told(chat, "now in review"))
                .singleElement()
                .satisfies(t ->
                        assertThat(t).contains("Why: The monthly instalment would be more than 30 % of your income"));
        assertProblem(api.get("/api/v1/applications/" + id + "/loan"), 404, "loan_not_found");

        for (int i = 0; i < 3; i++) {
            Response approved = api.post("/api/v1/applications/" + id + "/decision", "{\"status\":\"approved\"}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        }
        assertThat(fixtures.balance(borrower.wallet())).isEqualTo(1_005_000);
        JsonNode loan = api.get("/api/v1/applications/" + id + "/loan").json();
        assertThat(loan.path("termMonths").asInt()).isEqualTo(12);
        assertThat(loan.path("payoutAccountId").asString())
                .isEqualTo(borrower.wallet().value().toString());
        assertThat(loan.path("schedule").get(0).path("dueOn").asString())
                .isEqualTo(LocalDate.parse(loan.path("disbursedOn").asString())
                        .plusMonths(1)
                        .toString());
        chats.drain();
        assertThat(chats.told(chat, "was paid into your account"))
                .singleElement()
                .satisfies(t ->
                        assertThat(t).contains("12 monthly instalments of €").contains("(interest 6.9% a year)"));
        assertThat(Chats.text(chats.say(chat, "my loan")))
                .contains("Your loan of €10,000.00: €10,000.00 still " + "to repay, 0 of 12 instalments paid");
        assertThat(Chats.text(chats.say(chats.linkedTo(withoutLoan()), "我的贷款"))).contains("您没有贷款");

        LoanFixtures.Borrower waiting = fixtures.borrower("Wes Waiting", Language.EN, 0);
        applications.start(new ApplicationId(UUID.randomUUID()), waiting.id(), Product.LOAN, "telegram");
        assertProblem(
                api.get("/api/v1/applications/" + applicationOf(waiting.id()) + "/assessment"), 404, "not_assessed");
        String docs =
                new Api("http://127.0.0.1:" + port, null).get("/v3/api-docs").body();
        assertThat(docs).contains("/api/v1/applications/{id}/assessment").contains("/api/v1/applications/{id}/loan");
    }

    @Test
    void theBankAsksForMoreInformationAndTheFormAnsweredAgainInPersianIsDecidedAgain() {
        LoanFixtures.Borrower borrower = fixtures.borrower("سارا وام‌گیر", Language.FA, 0);
        String chat = chats.linkedTo(borrower.id());
        chats.say(chat, "تقاضاهای من"); // the chat opens
        Application referred = fixtures.submitLoan(borrower, 1_000_000, 12, 250_000, "آشپزخانه");
        assertThat(referred.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        UUID id = referred.id().value();
        assertProblem(
                api.post("/api/v1/applications/" + id + "/decision", "{\"status\":\"more_info\"}"),
                422,
                "reason_required");
        Response asked = api.post(
                "/api/v1/applications/" + id + "/decision",
                "{\"status\":\"more_info\",\"reason\":\"Your employer and your net salary, please.\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().path("status").asString()).isEqualTo("more_info");
        assertProblem(
                api.post("/api/v1/applications/" + id + "/decision", "{\"status\":\"approved\"}"),
                409,
                "transition_not_allowed"); // not before the customer answered
        chats.drain();
        List<Outbound.Link> links = chats.sent(chat, Outbound.Link.class);
        // read without the isolation marks (U+2066..U+2069) the Persian bundle puts around its placeholders
        assertThat(links)
                .singleElement()
                .satisfies(l -> assertThat(Chats.withoutIsolates(l.text()))
                        .contains("برای درخواست وام شما اطلاعات بیشتری لازم داریم")
                        .contains("Your employer"));
        String path = URI.create(links.get(0).url()).getPath();
        FormClient browser = new FormClient(port);
        String form = Chats.withoutIsolates(browser.get(path + "?lang=fa").html());
        assertThat(form)
                .contains("پرسش بانک: Your employer")
                .contains("value=\"10000.00\"")
                .contains("value=\"2500.00\"")
                .contains("value=\"12\"");
        assertThat(Chats.text(chats.say(chat, "تقاضاهای من"))).contains("نیاز به اطلاعات بیشتر");

        FormClient.Page signing = browser.post(
                path, "amount", "10000", "term", "12", "income", "۳۰۰۰", "purpose", "آشپزخانه، کارمند شرکت");
        assertThat(LoanFixtures.sign(browser, signing, sms.lastCode(borrower.phone()))
                        .status())
                .isEqualTo(200);
        assertThat(browser.get(path + "?lang=fa").html()).contains("این پیوند دیگر معتبر نیست"); // the link is spent
        chats.drain();
        assertThat(chats.told(chat, "درخواست وام شما تأیید شد")).hasSize(1);
        assertThat(fixtures.balance(borrower.wallet())).isEqualTo(1_000_000);
        JsonNode application = api.get("/api/v1/applications/" + id).json();
        assertThat(application.path("incomeMinor").asLong()).isEqualTo(300_000);
        assertThat(application.path("reason").isNull()
                        || application.path("reason").isMissingNode())
                .isTrue();
    }

    @Test
    void answersChangedAfterTheCodeWasSentAreNotSubmittedByThatCode() {
        LoanFixtures.Borrower borrower = fixtures.borrower("Cora Changed", Language.EN, 0);
        String chat = chats.linkedTo(borrower.id());
        String path = URI.create(
                        ((Outbound.Link) chats.say(chat, "apply for a loan").get(0)).url())
                .getPath();
        FormClient first = new FormClient(port);
        first.get(path);
        FormClient.Page firstSigning = first.post(path, "amount", "1000", "term", "6", "income", "3000");
        String firstCode = sms.lastCode(borrower.phone());
        FormClient second = new FormClient(port);
        second.get(path);
        FormClient.Page secondSigning = second.post(path, "amount", "2000", "term", "6", "income", "3000");
        assertThat(secondSigning.html()).contains("€2,000.00");

        LoanFixtures.sign(first, firstSigning, firstCode); // the right code, for answers no longer on the form
        UUID id = applicationOf(borrower.id());
        assertThat(api.get("/api/v1/applications/" + id).json().path("status").asString())
                .isEqualTo("started");
        chats.drain();
        assertThat(chats.told(chat, "We received your loan application")).isEmpty();

        LoanFixtures.sign(second, secondSigning, sms.lastCode(borrower.phone()));
        JsonNode signed = api.get("/api/v1/applications/" + id).json();
        assertThat(signed.path("amountMinor").asLong()).isEqualTo(200_000);
        assertThat(signed.path("status").asString()).isEqualTo("approved"); // 2,000 over 6 months on 3,000 a month
        chats.drain();
        assertThat(chats.told(chat, "We received your loan application")).hasSize(1);
    }

    private CustomerId withoutLoan() {
        return fixtures.borrower("王 无贷", Language.ZH, 0).id();
    }

    private UUID applicationOf(CustomerId customer) {
        return applications.ofCustomer(customer).get(0).id().value();
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: a loan approved on a frozen account is told, listed and paid out once unfrozen; on a closed one it is left for staff")
    void aLoanApprovedOnAFrozenAccountIsPaidOutOnceUnfrozenAndOnAClosedOneLeftForStaff() {
        LoanFixtures.Borrower frida = fixtures.borrower("Frida Gelée", Language.FR, 0);
        String chat = chats.linkedTo(frida.id());
        chats.say(chat, "mes dossiers"); // her chat talked to the bank: it hears the bank
        status(frida, AccountStatus.FROZEN);
        Application frozen = fixtures.submitLoan(frida, 200_000, 6, 900_000, "un vélo");
        assertThat(applications.application(frozen.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(loans.ofApplication(frozen.id())).isEmpty();
        chats.drain();
        String toldFrozen = "Votre prêt est accordé, mais nous n’avons pas pu le verser : votre compte est gelé. "
                + "Nous réessaierons de nous-mêmes";
        assertThat(chats.told(chat, toldFrozen)).as("%s", chats.sent(chat)).hasSize(1);
        JsonNode listed = unfulfilled(frozen.id());
        assertThat(listed.path("state").asString()).isEqualTo("not_paid_out");
        assertThat(listed.path("reason").asString()).isEqualTo("account_frozen");
        assertThat(listed.hasNonNull("retryAt")).isTrue();

        clock.advance(java.time.Duration.ofHours(2));
        assertThat(fulfilments.run()).as("still frozen").isZero();
        status(frida, AccountStatus.OPEN);
        assertThat(fulfilments.run()).as("its retry is an interval later").isZero();
        clock.advance(java.time.Duration.ofHours(2));
        assertThat(fulfilments.run()).isEqualTo(1);
        assertThat(fulfilments.run()).isZero();
        assertThat(fixtures.balance(frida.wallet())).isEqualTo(200_000);
        assertThat(unfulfilled(frozen.id()).isMissingNode()).isTrue();
        chats.drain();
        assertThat(chats.told(chat, toldFrozen)).as("told once").hasSize(1);
        assertThat(chats.told(chat, "ont été versés sur votre compte")).hasSize(1);

        LoanFixtures.Borrower clo = fixtures.borrower("Clotilde Close", Language.FR, 0);
        String closedChat = chats.linkedTo(clo.id());
        chats.say(closedChat, "mes dossiers"); // her chat talked to the bank: it hears the bank
        status(clo, AccountStatus.CLOSED);
        Application closed = fixtures.submitLoan(clo, 150_000, 6, 900_000, "un toit");
        chats.drain();
        assertThat(chats.told(
                        closedChat,
                        "Votre prêt est accordé, mais nous n’avons pas pu le verser : votre compte est clôturé. "
                                + "La banque vous contactera"))
                .hasSize(1);
        assertThat(unfulfilled(closed.id()).path("reason").asString()).isEqualTo("account_closed");
        assertThat(unfulfilled(closed.id()).hasNonNull("retryAt"))
                .as("left for staff")
                .isFalse();
        clock.advance(java.time.Duration.ofHours(2));
        fulfilments.run();
        assertThat(loans.ofApplication(closed.id())).isEmpty();
        assertThat(api.post("/api/v1/applications/" + closed.id().value() + "/decision", "{\"status\": \"approved\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: a missed instalment says why; a frozen account is tried again, a closed one is held for staff")
    void aMissedInstalmentSaysWhyAndAClosedAccountIsHeldForStaff() {
        LoanFixtures.Borrower ines = fixtures.borrower("Inès Gel", Language.FR, 0);
        String chat = chats.linkedTo(ines.id());
        chats.say(chat, "mes dossiers"); // her chat talked to the bank: it hears the bank
        Application approved = fixtures.submitLoan(ines, 120_000, 6, 900_000, "une moto");
        Loan loan = loans.ofApplication(approved.id()).orElseThrow();
        List<Loans.ScheduledInstalment> schedule = loans.schedule(loan.id());

        fixtures.moveTo(schedule.get(0).instalment().dueOn());
        status(ines, AccountStatus.FROZEN);
        assertThat(instalments.run()).isZero();
        assertThat(instalments.run()).isZero();
        assertThat(loans.schedule(loan.id()).get(0).status()).isEqualTo("late");
        chats.drain();
        assertThat(chats.told(chat, "Nous n’avons pas pu prélever la mensualité 1 "))
                .hasSize(1);
        assertThat(chats.told(chat, "votre compte est gelé. Nous réessaierons dès qu’il sera débloqué"))
                .as("%s", chats.sent(chat))
                .hasSize(1);
        assertThat(chats.told(chat, "le solde de votre compte est insuffisant")).isEmpty();
        status(ines, AccountStatus.OPEN);
        assertThat(instalments.run()).isEqualTo(1);

        fixtures.moveTo(schedule.get(1).instalment().dueOn());
        fixtures.drain(ines);
        status(ines, AccountStatus.CLOSED);
        assertThat(instalments.run()).isZero();
        assertThat(instalments.run()).isZero();
        assertThat(loans.schedule(loan.id()).get(1).status()).isEqualTo("held");
        chats.drain();
        assertThat(chats.told(chat, "votre compte est clôturé. Nous ne réessaierons plus sur ce compte"))
                .hasSize(1);
        JsonNode held = null;
        for (JsonNode i :
                api.get("/api/v1/applications/unfulfilled?limit=100").json().path("instalments")) {
            if (i.path("loanId").asString().equals(loan.id().value().toString())) {
                held = i;
            }
        }
        assertThat(held).isNotNull();
        assertThat(held.path("number").asInt()).isEqualTo(2);
        assertThat(held.path("reason").asString()).isEqualTo("account_closed");
    }

    private void status(LoanFixtures.Borrower borrower, AccountStatus target) {
        assertThat(ledger.changeStatus(borrower.wallet(), target)).isInstanceOf(StatusResult.Changed.class);
    }

    /** The application's entry in staff's list of approvals not fulfilled (missing when it is not there). */
    private JsonNode unfulfilled(ApplicationId id) {
        for (JsonNode u :
                api.get("/api/v1/applications/unfulfilled?limit=100").json().path("applications")) {
            if (u.path("application").path("id").asString().equals(id.value().toString())) {
                return u;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }
}
