package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.support.Api.Response;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.SmsFakes;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Review 2026-12-07 (applications follow-up, session 29) over real HTTP and a Telegram fake on H2:
 * an approval not fulfilled tells each reason once however the reasons alternate; an instalment
 * refused because one of the bank's accounts is closed is held for staff instead of tried every
 * run; staff's retries are audited with who asked and what came of it.
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
class UnfulfilledFollowUpIntegrationTests extends LoanHttpTestBase {

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: a loan not paid out for frozen, then closed, then frozen again tells each reason once; staff's retries are audited")
    void eachReasonOfAnApprovalIsToldOnceAndStaffRetriesAreAudited() {
        LoanFixtures.Borrower flo = fixtures.borrower("Flo Gel", Language.FR, 0);
        String chat = frenchChatOf(flo);
        fixtures.status(flo.wallet(), AccountStatus.FROZEN);
        Application approved = fixtures.submitLoan(flo, 130_000, 6, 900_000, "un vélo");
        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        String path = "/api/v1/applications/" + approved.id().value() + "/fulfilment";

        AccountId other = fixtures.newPrimaryWallet(flo); // her new primary account, closed at once
        fixtures.status(other, AccountStatus.CLOSED);
        assertRetried(api.post(path, "{}"), "not_paid_out", "account_closed");
        assertThat(directory.holdAccount(flo.id(), flo.wallet(), true)) // she names the frozen one again
                .isInstanceOf(DirectoryResult.Done.class);
        assertRetried(api.post(path, "{}"), "not_paid_out", "account_frozen");
        assertRetried(api.post(path, "{}"), "not_paid_out", "account_frozen");

        chats.drain();
        assertThat(chats.told(chat, "votre compte est gelé"))
                .as("frozen, closed, frozen: %s", chats.sent(chat))
                .hasSize(1);
        assertThat(chats.told(chat, "votre compte est clôturé")).hasSize(1);

        fixtures.status(flo.wallet(), AccountStatus.OPEN);
        assertRetried(api.post(path, "{}"), "fulfilled", null);
        assertRetried(api.post(path, "{}"), "fulfilled", null);
        assertThat(fixtures.balance(flo.wallet())).as("paid once").isEqualTo(130_000);
        fixtures.drain(flo); // spent: the classes sharing this context collect no instalment of hers

        Response audit = api.get("/api/v1/applications/" + approved.id().value() + "/actions");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        List<JsonNode> rows = audit.json()
                .path("actions")
                .valueStream()
                .filter(r -> r.path("actorKind").asString().equals("staff"))
                .toList(); // her submission, the underwriting's approval and the payout's outcome are the system's
        assertThat(rows)
                .extracting(r ->
                        r.path("outcome").asString() + "/" + r.path("reason").asString(""))
                .as("newest first")
                .containsExactly(
                        "already_fulfilled/",
                        "fulfilled/",
                        "not_paid_out/account_frozen",
                        "not_paid_out/account_frozen",
                        "not_paid_out/account_closed");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.path("actor").asString()).as("the API client").startsWith("token:");
            assertThat(r.path("action").asString()).isEqualTo("fulfilment.retry");
            assertThat(r.hasNonNull("at")).isTrue();
        });
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: staff's refused retries are audited too (not approved, instalment not held)")
    void refusedRetriesAreAudited() {
        LoanFixtures.Borrower rita = fixtures.borrower("Rita Refus", Language.EN, 0);
        Application waiting = fixtures.submitLoan(rita, 1_000_000, 12, 250_000, "a kitchen");
        assertThat(waiting.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertProblem(
                api.post("/api/v1/applications/" + waiting.id().value() + "/fulfilment", "{}"), 409, "not_approved");
        assertThat(staffs(waiting.id()))
                .singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo("not_approved"));

        LoanFixtures.Borrower paul = fixtures.borrower("Paul Payé", Language.EN, 0);
        Application approved = fixtures.submitLoan(paul, 120_000, 6, 900_000, "a bike");
        assertProblem(
                api.post("/api/v1/applications/" + approved.id().value() + "/loan/instalments/1/retry", "{}"),
                409,
                "instalment_not_held");
        fixtures.drain(paul); // spent: the classes sharing this context collect no instalment of his
        assertThat(staffs(approved.id())).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("instalment.retry");
            assertThat(a.instalment()).isEqualTo(1);
            assertThat(a.outcome()).isEqualTo("instalment_not_held");
        });
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: an instalment refused because the bank's account is closed for good is held for staff, not tried every run, and staff's retry answers 409 bank_account_closed, tries nothing and is audited")
    void aBankSideClosedAccountHoldsTheInstalmentForStaff() {
        CurrencyCode chf = CurrencyCode.of("CHF"); // a currency of its own: its income account is closed for good
        LoanFixtures.Borrower bruno = fixtures.borrower("Bruno Banque", Language.FR, 0);
        String chat = frenchChatOf(bruno);
        Application approved = fixtures.submitLoanIn(chf, bruno);
        Loan loan = loans.ofApplication(approved.id()).orElseThrow();
        fixtures.moveTo(loans.schedule(loan.id()).get(0).instalment().dueOn());
        fixtures.status(Loans.income(chf), AccountStatus.CLOSED); // the bank's interest account, empty

        instalments.run();
        instalments.run();
        assertThat(loans.schedule(loan.id()).get(0).status())
                .as("held, no longer tried")
                .isEqualTo("held");
        chats.drain();
        assertThat(chats.told(chat, "Nous n’avons pas pu prélever"))
                .as("never blamed on her: %s", chats.sent(chat))
                .isEmpty();
        Response listed = api.get("/api/v1/applications/unfulfilled?limit=100");
        assertThat(listed.json().path("instalments").valueStream()).anySatisfy(i -> {
            assertThat(i.path("loanId").asString()).isEqualTo(loan.id().value().toString());
            assertThat(i.path("status").asString()).isEqualTo("held");
            assertThat(i.path("reason").asString()).isEqualTo("bank_account_closed");
        });

        // review 2026-12-07 applications follow-up: a closed account never reopens, so staff's retry
        // cannot collect it; it says so and tries nothing, and the audit names it
        assertProblem(
                api.post("/api/v1/applications/" + approved.id().value() + "/loan/instalments/1/retry", "{}"),
                409,
                "bank_account_closed");
        assertThat(loans.schedule(loan.id()).get(0).status()).isEqualTo("held");
        assertThat(staffs(approved.id())).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("instalment.retry");
            assertThat(a.actor()).startsWith("token:");
            assertThat(a.outcome()).isEqualTo("bank_account_closed");
        });
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: a payout refused because the bank's own loan account is frozen is held for staff with its reason and never blamed on her")
    void aPayoutRefusedOnTheBanksSideIsHeldForStaffAndNotBlamedOnHer() {
        LoanFixtures.Borrower bea = fixtures.borrower("Béa Versement", Language.FR, 0);
        String chat = frenchChatOf(bea);
        ApplicationId id = new ApplicationId(UUID.randomUUID());
        AccountId bankSide = fixtures.bankLoanAccount(id, bea, AccountStatus.FROZEN);

        Application approved = fixtures.submitLoan(id, bea, 130_000, 6, 900_000, "un vélo");

        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(loans.ofApplication(id)).isEmpty();
        Response listed = api.get("/api/v1/applications/unfulfilled?limit=100");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().path("applications").valueStream())
                .filteredOn(u -> u.path("application")
                        .path("id")
                        .asString()
                        .equals(id.value().toString()))
                .singleElement()
                .satisfies(u -> {
                    assertThat(u.path("state").asString()).isEqualTo("not_paid_out");
                    assertThat(u.path("reason").asString()).isEqualTo("bank_account_frozen");
                    assertThat(u.hasNonNull("retryAt")).as("held for staff").isFalse();
                });
        String path = "/api/v1/applications/" + id.value() + "/fulfilment";
        assertRetried(api.post(path, "{}"), "not_paid_out", "bank_account_frozen");
        chats.drain();
        assertThat(chats.told(chat, "votre compte est gelé"))
                .as("never blamed on her: %s", chats.sent(chat))
                .isEmpty();
        assertThat(chats.told(chat, "Nous finalisons son versement de notre côté ; vous n’avez rien à faire"))
                .as("told once that nothing is asked of her")
                .hasSize(1);

        fixtures.status(bankSide, AccountStatus.OPEN); // staff unfreeze the bank's account and retry
        assertRetried(api.post(path, "{}"), "fulfilled", null);
        assertThat(fixtures.balance(bea.wallet())).isEqualTo(130_000);
        assertThat(loans.ofApplication(id)).isPresent();
        fixtures.drain(bea); // spent: the classes sharing this context collect no instalment of hers
    }

    /** Staff's rows of the audit (every change of status is in it too, review 2026-12-07 apps follow-up). */
    private List<StaffAction> staffs(ApplicationId id) {
        return applications.staffActions(id, 100).stream()
                .filter(a -> a.actorKind() == StaffAction.ActorKind.STAFF)
                .toList();
    }

    private static void assertRetried(Response response, String state, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("state").asString()).isEqualTo(state);
        if (reason != null) {
            assertThat(response.json().path("reason").asString()).isEqualTo(reason);
        }
    }
}
