package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.shared.Language;
import org.socialbank.shared.jdbc.Timestamps;
import org.socialbank.support.Api.Response;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.SmsFakes;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Review 2026-12-07 (applications follow-up) over real HTTP and a Telegram fake on H2: a held
 * instalment reads in chat; staff retry an approval not paid out and a held instalment (paid once);
 * staff's list pages by cursor; one faulty retry does not starve the others; a missed instalment's
 * reasons are told once each, and a refusal on the bank's side is not blamed on her.
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
class LoansFollowUpIntegrationTests extends LoanHttpTestBase {

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: a customer whose instalment is held reads her loan in chat, told the bank will contact her")
    void aHeldInstalmentReadsInChat() {
        LoanFixtures.Borrower hana = fixtures.borrower("Hana Held", Language.FR, 0);
        String chat = chats.linkedTo(hana.id());
        Loan loan = heldLoan(hana, chat);

        String reply = Chats.text(chats.say(chat, "mon prêt"));
        assertThat(reply).contains("Votre prêt de").contains("\n1. ").contains("suspendue : la banque vous contactera");
        assertThat(loans.schedule(loan.id()).get(0).status()).isEqualTo("held");
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: staff retry a loan not paid out on a closed account once she has a new one: paid once however often they retry")
    void staffRetryALoanNotPaidOutOnceSheHasAnAccount() {
        LoanFixtures.Borrower clo = fixtures.borrower("Clo Nouveau", Language.FR, 0);
        String chat = chats.linkedTo(clo.id());
        chats.say(chat, "mes dossiers"); // her chat talked to the bank: it hears the bank
        fixtures.status(clo.wallet(), AccountStatus.CLOSED);
        Application approved = fixtures.submitLoan(clo, 180_000, 6, 900_000, "une cuisine");
        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(loans.ofApplication(approved.id())).isEmpty();
        String path = "/api/v1/applications/" + approved.id().value() + "/fulfilment";

        Response still = api.post(path, "{}");
        assertThat(still.status()).as(still.body()).isEqualTo(200);
        assertThat(still.json().path("state").asString()).isEqualTo("not_paid_out");
        assertThat(still.json().path("reason").asString()).isEqualTo("account_closed");

        AccountId fresh = fixtures.newPrimaryWallet(clo);
        for (int i = 0; i < 3; i++) {
            Response retried = api.post(path, "{}");
            assertThat(retried.status()).as(retried.body()).isEqualTo(200);
            assertThat(retried.json().path("state").asString()).isEqualTo("fulfilled");
        }
        assertThat(fixtures.balance(fresh)).as("paid once").isEqualTo(180_000);
        assertThat(loans.ofApplication(approved.id()).orElseThrow().payoutAccountId())
                .isEqualTo(fresh);
        assertThat(fulfilments.unfulfilled(100))
                .noneMatch(u -> u.application().id().equals(approved.id()));
        chats.drain();
        assertThat(chats.told(chat, "ont été versés sur votre compte")).hasSize(1);

        assertProblem(
                api.post("/api/v1/applications/" + UUID.randomUUID() + "/fulfilment", "{}"),
                404,
                "application_not_found");
        Application waiting = fixtures.submitLoan(
                fixtures.borrower("Rita Review", Language.EN, 0), 1_000_000, 12, 250_000, "a kitchen");
        assertThat(waiting.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertProblem(
                api.post("/api/v1/applications/" + waiting.id().value() + "/fulfilment", "{}"), 409, "not_approved");
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: staff retry a held instalment once she has a new account: collected once, and the loan is collected from it from then on")
    void staffRetryAHeldInstalmentFromHerNewAccount() {
        LoanFixtures.Borrower ana = fixtures.borrower("Ana Reprise", Language.FR, 0);
        String chat = chats.linkedTo(ana.id());
        Loan loan = heldLoan(ana, chat);
        String base = "/api/v1/applications/" + loan.applicationId().value() + "/loan/instalments/";
        assertProblem(api.post(base + "2/retry", "{}"), 409, "instalment_not_held");
        assertProblem(api.post(base + "99/retry", "{}"), 404, "instalment_not_found");

        Response again = api.post(base + "1/retry", "{}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("status").asString())
                .as("no other account: held again")
                .isEqualTo("held");
        chats.drain();
        assertThat(chats.told(chat, "votre compte est clôturé"))
                .as("not told again")
                .hasSize(1);

        AccountId fresh = fixtures.newPrimaryWallet(ana);
        fixtures.fundAccount(fresh, 500_000);
        List<Loans.ScheduledInstalment> schedule = loans.schedule(loan.id());
        for (int i = 0; i < 2; i++) {
            Response paid = api.post(base + "1/retry", "{}");
            assertThat(paid.status()).as(paid.body()).isEqualTo(200);
            assertThat(paid.json().path("status").asString()).isEqualTo("paid");
        }
        long first = schedule.get(0).instalment().totalMinor();
        assertThat(fixtures.balance(fresh)).as("collected once").isEqualTo(500_000 - first);
        assertThat(loans.held(100)).noneMatch(h -> h.loan().id().equals(loan.id()));

        fixtures.moveTo(schedule.get(1).instalment().dueOn());
        instalments.run();
        assertThat(loans.schedule(loan.id()).get(1).status()).isEqualTo("paid");
        assertThat(fixtures.balance(fresh))
                .isEqualTo(500_000 - first - schedule.get(1).instalment().totalMinor());
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: staff's list of approvals not fulfilled pages by cursor past the first page; a forged cursor is a 400")
    void theUnfulfilledListPagesByCursor() {
        Set<UUID> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            LoanFixtures.Borrower b = fixtures.borrower("Page " + i, Language.EN, 0);
            fixtures.status(b.wallet(), AccountStatus.CLOSED);
            mine.add(fixtures.submitLoan(b, 100_000, 6, 900_000, "a page").id().value());
            clock.advance(Duration.ofSeconds(1));
        }
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 1_000; page++) {
            Response r =
                    api.get("/api/v1/applications/unfulfilled?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("applications").size()).isLessThanOrEqualTo(1);
            for (JsonNode u : r.json().path("applications")) {
                seen.add(UUID.fromString(u.path("application").path("id").asString()));
            }
            if (!r.json().hasNonNull("nextCursor")) {
                break;
            }
            cursor = r.json().path("nextCursor").asString();
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(mine);
        assertProblem(api.get("/api/v1/applications/unfulfilled?cursor=bm90LW91cnM"), 400, "invalid_request");
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: one approval whose retry fails with a fault is backed off and does not starve the others")
    void aFaultyRetryDoesNotStarveTheOthers() {
        LoanFixtures.Borrower bad = fixtures.borrower("Poison First", Language.EN, 0);
        LoanFixtures.Borrower good = fixtures.borrower("Good Second", Language.EN, 0);
        fixtures.status(bad.wallet(), AccountStatus.FROZEN);
        fixtures.status(good.wallet(), AccountStatus.FROZEN);
        Application poisoned = fixtures.submitLoan(bad, 100_000, 6, 900_000, "a fault");
        Application fine = fixtures.submitLoan(good, 110_000, 6, 900_000, "a bike");
        fixtures.status(bad.wallet(), AccountStatus.OPEN);
        fixtures.status(good.wallet(), AccountStatus.OPEN);
        // a fault, not a refusal: its amount is gone (disburse fails on it), and it is due first of all
        jdbc.sql("UPDATE applications SET amount_minor = NULL, fulfilment_retry_at = ? WHERE id = ?")
                .params(
                        Timestamps.utc(Instant.parse("2000-01-01T00:00:00Z")),
                        poisoned.id().value())
                .update();
        clock.advance(Duration.ofHours(2));
        try {
            assertThat(fulfilments.run()).isPositive();
            assertThat(fixtures.balance(good.wallet())).isEqualTo(110_000);
            assertThat(loans.ofApplication(fine.id())).isPresent();
            Fulfilments.Unfulfilled backedOff = fulfilments.unfulfilled(100).stream()
                    .filter(u -> u.application().id().equals(poisoned.id()))
                    .findFirst()
                    .orElseThrow();
            assertThat(backedOff.retryAt()).as("put back an interval").isAfter(clock.instant());
        } finally {
            jdbc.sql("UPDATE applications SET fulfilment = NULL, fulfilment_reason = NULL, fulfilment_retry_at = NULL "
                            + "WHERE id = ?")
                    .param(poisoned.id().value())
                    .update();
        }
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: a missed instalment tells each reason once, however the reasons alternate")
    void eachReasonIsToldOnce() {
        LoanFixtures.Borrower flip = fixtures.borrower("Flo Flip", Language.FR, 0);
        String chat = chats.linkedTo(flip.id());
        chats.say(chat, "mes dossiers"); // her chat talked to the bank: it hears the bank
        Application approved = fixtures.submitLoan(flip, 120_000, 6, 900_000, "un piano");
        Loan loan = loans.ofApplication(approved.id()).orElseThrow();
        fixtures.moveTo(loans.schedule(loan.id()).get(0).instalment().dueOn());
        fixtures.drain(flip);
        for (int i = 0; i < 2; i++) {
            instalments.run(); // not enough money
            fixtures.status(flip.wallet(), AccountStatus.FROZEN);
            instalments.run(); // frozen
            fixtures.status(flip.wallet(), AccountStatus.OPEN);
        }
        instalments.run();
        assertThat(loans.schedule(loan.id()).get(0).status()).isEqualTo("late");
        chats.drain();
        assertThat(chats.told(chat, "le solde de votre compte est insuffisant"))
                .as("%s", chats.sent(chat))
                .hasSize(1);
        assertThat(chats.told(chat, "votre compte est gelé")).hasSize(1);
    }

    @Test
    @DisplayName(
            "review 2026-12-07 applications follow-up: an instalment refused on the bank's side is listed for staff and not blamed on her; collected once the bank's account is fixed")
    void aBankSideRefusalIsForStaff() {
        LoanFixtures.Borrower bea = fixtures.borrower("Béa Banque", Language.FR, 0);
        String chat = chats.linkedTo(bea.id());
        chats.say(chat, "mes dossiers"); // her chat talked to the bank: it hears the bank
        Application approved = fixtures.submitLoan(bea, 120_000, 6, 900_000, "un four");
        Loan loan = loans.ofApplication(approved.id()).orElseThrow();
        fixtures.moveTo(loans.schedule(loan.id()).get(0).instalment().dueOn());
        fixtures.status(loan.accountId(), AccountStatus.FROZEN); // the bank's own loan account
        instalments.run();
        instalments.run();
        assertThat(loans.schedule(loan.id()).get(0).status()).as("still tried").isEqualTo("late");
        chats.drain();
        assertThat(chats.told(chat, "Nous n’avons pas pu prélever"))
                .as("%s", chats.sent(chat))
                .isEmpty();
        assertThat(loans.held(100)).anySatisfy(h -> {
            assertThat(h.loan().id()).isEqualTo(loan.id());
            assertThat(h.status()).isEqualTo("late");
            assertThat(h.reason()).isEqualTo("bank_account_frozen");
        });

        fixtures.status(loan.accountId(), AccountStatus.OPEN);
        instalments.run();
        assertThat(loans.schedule(loan.id()).get(0).status()).isEqualTo("paid");
        assertThat(loans.held(100)).noneMatch(h -> h.loan().id().equals(loan.id()));
    }

    /** A loan paid out to her wallet, whose first instalment is held: her wallet emptied and closed. */
    private Loan heldLoan(LoanFixtures.Borrower borrower, String chat) {
        chats.say(chat, "mes dossiers"); // her chat talked to the bank: it hears the bank
        Application approved = fixtures.submitLoan(borrower, 120_000, 6, 900_000, "une moto");
        Loan loan = loans.ofApplication(approved.id()).orElseThrow();
        fixtures.moveTo(loans.schedule(loan.id()).get(0).instalment().dueOn());
        fixtures.drain(borrower);
        fixtures.status(borrower.wallet(), AccountStatus.CLOSED);
        instalments.run();
        assertThat(loans.schedule(loan.id()).get(0).status()).isEqualTo("held");
        return loan;
    }
}
