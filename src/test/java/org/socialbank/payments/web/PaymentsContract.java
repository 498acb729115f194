package org.socialbank.payments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialbank.payments.web.PaymentFixtures.pay;
import static org.socialbank.payments.web.PaymentFixtures.phone;
import static org.socialbank.payments.web.PaymentFixtures.tag;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.payments.HeldPaymentNotPaid;
import org.socialbank.payments.PaymentCompleted;
import org.socialbank.payments.PaymentHeld;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.payments.web.PaymentFixtures.Person;
import org.socialbank.shared.Network;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.FormClient;
import org.socialbank.support.LedgerAudit;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Paying by alias over the real HTTP API: to a customer, replays and reused ids, the contract's
 * members and its problems, every limit, and the step-up.
 */
abstract class PaymentsContract extends PaymentsTestBase {

    @Autowired
    Confirmations confirmations;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    JdbcLinking linkingStore;

    @Test
    void paysACustomerByPhoneInOneTransferAndAReplayReturnsTheSamePayment() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 10_000);
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
        UUID id = UUID.randomUUID();
        String body = pay(id, alice.id(), phone(bob.phone()), 2_500, "api");

        Response created = api.post("/api/v1/payments", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode json = created.json();
        assertThat(json.path("status").asString()).isEqualTo("completed");
        assertThat(json.path("id").asString()).isEqualTo(id.toString());
        assertThat(json.path("payeeMaskedName").asString()).isEqualTo("Bob B.");
        assertThat(created.body()).doesNotContain("Bob Brown");
        assertThat(json.path("decision").asString()).isEqualTo("allow");
        assertThat(fixtures.balance(alice.wallet())).isEqualTo(7_500);
        assertThat(fixtures.balance(bob.wallet())).isEqualTo(2_500);
        assertThat(events.stream(PaymentCompleted.class)
                        .filter(e -> e.paymentId().value().equals(id)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.payeeCustomerId()).isEqualTo(bob.id());
                    assertThat(e.amountMinor()).isEqualTo(2_500);
                });

        String fingerprint = new LedgerAudit(jdbc).fingerprint();
        Response replay = api.post("/api/v1/payments", body);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("status").asString()).isEqualTo("completed");
        assertThat(replay.json().path("createdAt")).isEqualTo(json.path("createdAt"));
        assertThat(new LedgerAudit(jdbc).fingerprint())
                .as("a replay never pays twice")
                .isEqualTo(fingerprint);

        Response reused = api.post("/api/v1/payments", pay(id, alice.id(), phone(bob.phone()), 2_600, "api"));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.code()).isEqualTo("id_reused");
        assertThat(fixtures.balance(alice.wallet())).isEqualTo(7_500);

        Response got = api.get("/api/v1/payments/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("status").asString()).isEqualTo("completed");
        assertThat(got.json().path("decisions").isArray()).isTrue();
        assertThat(got.json().path("payee").path("type").asString()).isEqualTo("phone");
    }

    @Test
    void paysByTagAndRefusesWhatCannotBePaid() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 1_000);
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
        Response byTag =
                api.post("/api/v1/payments", pay(UUID.randomUUID(), alice.id(), tag("$" + bob.tag()), 100, "api"));
        assertThat(byTag.json().path("status").asString()).as(byTag.toString()).isEqualTo("completed");

        assertThat(code(api.post(
                        "/api/v1/payments", pay(UUID.randomUUID(), alice.id(), tag("nobodyhere"), 100, "api"))))
                .isEqualTo("payee_not_found");
        assertThat(code(api.post(
                        "/api/v1/payments", pay(UUID.randomUUID(), alice.id(), phone(alice.phone()), 100, "api"))))
                .isEqualTo("payee_is_payer");
        Response poor =
                api.post("/api/v1/payments", pay(UUID.randomUUID(), alice.id(), phone(bob.phone()), 5_000, "api"));
        assertThat(poor.status()).isEqualTo(201);
        assertThat(code(poor)).isEqualTo("insufficient_funds");
        assertThat(fixtures.balance(alice.wallet())).isEqualTo(900);

        Response stranger = api.post(
                "/api/v1/payments",
                pay(
                        UUID.randomUUID(),
                        new org.socialbank.directory.CustomerId(UUID.randomUUID()),
                        phone(bob.phone()),
                        100,
                        "api"));
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.code()).isEqualTo("payer_not_found");
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 1_000);
        for (String body : List.of(
                "{}",
                "not json",
                pay(UUID.randomUUID(), alice.id(), phone("12"), 100, "api"),
                pay(UUID.randomUUID(), alice.id(), "{\"type\":\"fax\",\"value\":\"1\"}", 100, "api"),
                pay(UUID.randomUUID(), alice.id(), "{\"type\":\"handle\",\"value\":\"bob\"}", 100, "api"),
                pay(UUID.randomUUID(), alice.id(), phone("+33612345678"), -5, "api"),
                pay(UUID.randomUUID(), alice.id(), phone("+33612345678"), 100, "API!"),
                pay(UUID.randomUUID(), alice.id(), phone("+33612345678"), "100", "XXX", "api"),
                pay(UUID.randomUUID(), alice.id(), phone("+33612345678"), "1.5", "EUR", "api"))) {
            Response r = api.post("/api/v1/payments", body);
            assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/v1/payments/" + UUID.randomUUID()).code()).isEqualTo("payment_not_found");
        assertThat(api.get("/api/v1/payments/not-a-uuid").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/claims/" + "x".repeat(43)).code()).isEqualTo("claim_not_found");
        assertThat(new Api("http://127.0.0.1:" + port, null)
                        .get("/api/v1/payments/" + UUID.randomUUID())
                        .status())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("regression 9d4237b: two payments at once cannot together pass the daily limit each stays under "
            + "(one payer's payments are decided one after the other, on the payment_payers row lock)")
    void twoPaymentsAtOnceCannotTogetherPassTheDailyLimitThatEachStaysUnder() throws Exception {
        for (int round = 0; round < 3; round++) {
            Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
            Person basic = fixtures.customer("Basil Basic", KycLevel.BASIC, 100_000);
            assertThat(status(payBob(basic, bob, 9_000, "api"))).isEqualTo("completed"); // Bob is a known payee now
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Response>> both = new java.util.ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    both.add(pool.submit(() -> {
                        start.await();
                        return payBob(
                                basic, bob, 6_000,
                                "api"); // 90 + 60 fits the 200.00 a day of this test, 90 + 2 x 60 not
                    }));
                }
                start.countDown();
                List<String> outcomes = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<Response> f : both) {
                    Response r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    outcomes.add("completed".equals(status(r)) ? "completed" : code(r));
                }
                assertThat(outcomes).containsExactlyInAnyOrder("completed", "exceeds_daily_limit");
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void everyLimitSaysWhichItIsAndWhenItResets() {
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
        Person basic = fixtures.customer("Basil Basic", KycLevel.BASIC, 100_000);
        Response tooBig =
                api.post("/api/v1/payments", pay(UUID.randomUUID(), basic.id(), phone(bob.phone()), 16_000, "api"));
        assertThat(tooBig.status()).isEqualTo(201);
        assertThat(status(tooBig)).isEqualTo("rejected");
        assertThat(code(tooBig)).isEqualTo("exceeds_transaction_limit");
        assertThat(tooBig.json().path("limitMinor").asLong()).isEqualTo(15_000);
        assertThat(tooBig.json().has("resetsAt"))
                .as("a per-transaction limit does not reset")
                .isFalse();
        assertThat(tooBig.json().path("decision").asString()).isEqualTo("reject");

        assertThat(status(payBob(basic, bob, 10_000, "api"))).isEqualTo("completed");
        assertThat(status(payBob(basic, bob, 9_000, "api"))).isEqualTo("completed");
        Response daily = payBob(basic, bob, 2_000, "api");
        assertThat(code(daily)).isEqualTo("exceeds_daily_limit");
        assertThat(daily.json().path("limitMinor").asLong()).isEqualTo(20_000);
        assertThat(daily.json().path("usedMinor").asLong()).isEqualTo(19_000);
        assertThat(Instant.parse(daily.json().path("resetsAt").asString())).isEqualTo(nextMidnight());

        Person monthly = fixtures.customer("Mona Month", KycLevel.BASIC, 100_000);
        if (LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getDayOfMonth() >= 27) {
            clock.advance(Duration.ofDays(6)); // stay inside one month for the next two days
        }
        assertThat(status(payBob(monthly, bob, 10_000, "api"))).isEqualTo("completed");
        assertThat(status(payBob(monthly, bob, 9_000, "api"))).isEqualTo("completed");
        clock.advance(Duration.ofDays(1));
        assertThat(status(payBob(monthly, bob, 10_000, "api"))).isEqualTo("completed");
        Response month = payBob(monthly, bob, 2_000, "api");
        assertThat(code(month)).isEqualTo("exceeds_monthly_limit");
        assertThat(Instant.parse(month.json().path("resetsAt").asString()))
                .isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                        .withDayOfMonth(1)
                        .plusMonths(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());

        Person tweeter = fixtures.customer("Tess Tweet", KycLevel.FULL, 100_000);
        Response channelTx = payBob(tweeter, bob, 4_000, "x");
        assertThat(code(channelTx)).isEqualTo("exceeds_channel_transaction_limit");
        assertThat(channelTx.json().path("limitMinor").asLong()).isEqualTo(3_000);
        assertThat(status(payBob(tweeter, bob, 2_500, "x"))).isEqualTo("completed");
        assertThat(status(payBob(tweeter, bob, 2_500, "x"))).isEqualTo("completed");
        Response channelDay = payBob(tweeter, bob, 500, "x");
        assertThat(code(channelDay)).isEqualTo("exceeds_channel_daily_limit");
        assertThat(Instant.parse(channelDay.json().path("resetsAt").asString())).isEqualTo(nextMidnight());
        assertThat(status(payBob(tweeter, bob, 500, "api")))
                .as("other channels keep their own limits")
                .isEqualTo("completed");

        Response audit =
                api.get("/api/v1/payments/" + channelDay.json().path("id").asString());
        assertThat(audit.json().path("decisionReason").asString()).isEqualTo("exceeds_channel_daily_limit");
        assertThat(audit.json()
                        .path("decisions")
                        .valueStream()
                        .map(c -> c.path("outcome").asString()))
                .contains("reject");
    }

    @Test
    void aPaymentHeldForStepUpIsCarriedOutOnceConfirmedOnTheBanksPage() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 100_000);
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
        Response held = payBob(alice, bob, 15_000, "api");
        assertThat(status(held)).as(held.toString()).isEqualTo("awaiting_confirmation");
        assertThat(held.json().path("decisionReason").asString()).isEqualTo("new_payee_above_threshold");
        String url = held.json().path("confirmationUrl").asString();
        assertThat(url).contains("/confirm/");
        assertThat(fixtures.balance(alice.wallet()))
                .as("nothing moves while held")
                .isEqualTo(100_000);
        UUID id = UUID.fromString(held.json().path("id").asString());
        assertThat(events.stream(PaymentHeld.class)
                        .filter(e -> e.paymentId().value().equals(id)))
                .singleElement()
                .satisfies(e -> assertThat(e.confirmationUrl()).isEqualTo(url));
        Response why = api.get("/api/v1/payments/" + id);
        assertThat(why.json()
                        .path("decisions")
                        .valueStream()
                        .map(c -> c.path("outcome").asString()))
                .as("a customer can see why it was held")
                .contains("step_up");

        FormClient browser = new FormClient(port);
        assertThat(browser.get(path(url)).html()).contains("Bob B.", "150.00");
        assertThat(browser.post(path(url), "code", sms.lastCode(alice.phone())).html())
                .contains("Confirmed");
        assertThat(browser.get(path(url)).html())
                .as("issue 13: the page says what was sent, and says it again on reload")
                .contains("Confirmed and sent", "Bob B.", "150.00")
                .doesNotContain("Not paid");
        Response done = api.get("/api/v1/payments/" + id);
        assertThat(status(done)).isEqualTo("completed");
        assertThat(done.json().has("confirmationUrl")).isFalse();
        assertThat(fixtures.balance(bob.wallet())).isEqualTo(15_000);
        assertThat(fixtures.balance(alice.wallet())).isEqualTo(85_000);
    }

    @Test
    @DisplayName("issue 13: a held payment refused after the right code says 'not paid' and why, never 'Confirmed'")
    void aHeldPaymentRefusedAfterTheRightCodeSaysNotPaidAndWhy() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 100_000);
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
        Response held = payBob(alice, bob, 15_000, "api");
        assertThat(status(held)).as(held.toString()).isEqualTo("awaiting_confirmation");
        UUID id = UUID.fromString(held.json().path("id").asString());
        String url = held.json().path("confirmationUrl").asString();
        // the money is spent elsewhere before the payer types the code
        org.socialbank.ledger.AccountId elsewhere = new org.socialbank.ledger.AccountId(UUID.randomUUID());
        org.socialbank.shared.CurrencyCode eur = org.socialbank.shared.CurrencyCode.of("EUR");
        ledger.open(new org.socialbank.ledger.NewAccount(
                elsewhere, eur, null, org.socialbank.ledger.AccountKind.BANK_EQUITY, java.util.Set.of()));
        assertThat(ledger.transfer(org.socialbank.ledger.NewTransfer.posted(
                        new org.socialbank.ledger.TransferId(UUID.randomUUID()),
                        alice.wallet(),
                        elsewhere,
                        90_000,
                        eur,
                        "spent")))
                .isInstanceOf(org.socialbank.ledger.TransferResult.Posted.class);

        FormClient browser = new FormClient(port);
        browser.get(path(url));
        String page =
                browser.post(path(url), "code", sms.lastCode(alice.phone())).html();
        assertThat(page)
                .contains("Not paid", "not enough money", "Bob B.", "150.00")
                .doesNotContain("Confirmed");
        assertThat(page).as("and what is possible").contains("you have €100.00");
        assertThat(browser.get(path(url)).html()).as("a reload says the same").contains("Not paid", "not enough money");
        Response after = api.get("/api/v1/payments/" + id);
        assertThat(status(after)).isEqualTo("rejected");
        assertThat(code(after)).isEqualTo("insufficient_funds");
        assertThat(fixtures.balance(bob.wallet())).isZero();
        assertThat(events.stream(HeldPaymentNotPaid.class)
                        .filter(e -> e.paymentId().value().equals(id)))
                .as("the chat is told once")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(PaymentStatus.REJECTED);
                    assertThat(e.reason()).isEqualTo("insufficient_funds");
                    assertThat(e.payee()).isEqualTo("Bob B.");
                    assertThat(e.amountMinor()).isEqualTo(15_000);
                    assertThat(e.availableMinor()).isEqualTo(10_000);
                });
    }

    @Test
    @DisplayName("issue 13: every end of a held payment that pays nothing is published once, with how it ended")
    void everyEndOfAHeldPaymentThatPaysNothingIsPublishedOnce() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 100_000);
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
        FormClient browser = new FormClient(port);

        Response cancelled = payBob(alice, bob, 15_000, "api");
        browser.get(path(cancelled.json().path("confirmationUrl").asString()));
        assertThat(browser.post(path(cancelled.json().path("confirmationUrl").asString()) + "/cancel")
                        .html())
                .contains("Not confirmed");
        Response expired = payBob(alice, bob, 16_000, "api");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        confirmations.expireDue(100);
        Response calledOff = payBob(alice, bob, 17_000, "api");
        api.post("/api/v1/payments/" + calledOff.json().path("id").asString() + "/cancel", "");
        Response wrong = payBob(alice, bob, 18_000, "api");
        String wrongUrl = wrong.json().path("confirmationUrl").asString();
        String right = sms.lastCode(alice.phone());
        String bad = right.equals("000000") ? "111111" : "000000";
        String last = browser.get(path(wrongUrl)).html();
        for (int i = 0; i < 10 && !last.contains("Not confirmed"); i++) {
            last = browser.post(path(wrongUrl), "code", bad).html();
        }
        assertThat(last).contains("Not confirmed");

        assertThat(reasons(cancelled)).containsExactly("cancelled");
        assertThat(reasons(expired)).containsExactly("expired");
        assertThat(reasons(calledOff))
                .as("the payer who called it off is answered, not alerted")
                .isEmpty();
        assertThat(reasons(wrong)).containsExactly("too_many_attempts");
        assertThat(fixtures.balance(alice.wallet())).isEqualTo(100_000);
    }

    private List<String> reasons(Response held) {
        UUID id = UUID.fromString(held.json().path("id").asString());
        return events.stream(HeldPaymentNotPaid.class)
                .filter(e -> e.paymentId().value().equals(id))
                .peek(e -> assertThat(e.status()).isEqualTo(PaymentStatus.NOT_CONFIRMED))
                .map(HeldPaymentNotPaid::reason)
                .toList();
    }

    @Test
    void aStepUpDeniedOrExpiredOrImpossibleLeavesTheMoneyWhereItWas() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 100_000);
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
        Response denied = payBob(alice, bob, 15_000, "api");
        FormClient browser = new FormClient(port);
        String url = denied.json().path("confirmationUrl").asString();
        browser.get(path(url));
        assertThat(browser.post(path(url) + "/cancel").html()).contains("Not confirmed");
        Response after = api.get("/api/v1/payments/" + denied.json().path("id").asString());
        assertThat(status(after)).isEqualTo("not_confirmed");
        assertThat(code(after)).isEqualTo("cancelled");

        Response late = payBob(alice, bob, 16_000, "api");
        assertThat(status(late)).isEqualTo("awaiting_confirmation");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        confirmations.expireDue(100);
        Response expired = api.get("/api/v1/payments/" + late.json().path("id").asString());
        assertThat(status(expired)).isEqualTo("not_confirmed");
        assertThat(code(expired)).isEqualTo("expired");
        assertThat(fixtures.balance(alice.wallet())).isEqualTo(100_000);

        Person phoneless = fixtures.customer("Nora Nophone", KycLevel.FULL, 100_000, false);
        assertThat(code(payBob(phoneless, bob, 15_000, "api"))).isEqualTo("confirmation_unavailable");

        Response cancelled = payBob(alice, bob, 17_000, "api");
        Response cancel =
                api.post("/api/v1/payments/" + cancelled.json().path("id").asString() + "/cancel", "");
        assertThat(status(cancel)).as(cancel.toString()).isEqualTo("cancelled");
        String late2 = cancelled.json().path("confirmationUrl").asString();
        browser.get(path(late2));
        browser.post(path(late2), "code", sms.lastCode(alice.phone()));
        assertThat(status(api.get(
                        "/api/v1/payments/" + cancelled.json().path("id").asString())))
                .as("a confirmation after the payer cancelled pays nothing")
                .isEqualTo("cancelled");
        assertThat(fixtures.balance(alice.wallet())).isEqualTo(100_000);
    }

    @Test
    @DisplayName("security review #4: a held, unconfirmed payment does not switch off the hold of a newly linked chat")
    void everyPaymentFromANewlyLinkedChatIsHeldUntilOneIsConfirmedAndForADay() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 100_000);
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
        ChannelIdentity chat = identities.identify(Network.TELEGRAM, "tg-" + UUID.randomUUID(), null, null);
        linkingStore.setCustomer(chat.id(), alice.id(), clock.instant());

        Response first = payBob(alice, bob, 100, "telegram");
        assertThat(status(first)).as(first.toString()).isEqualTo("awaiting_confirmation");
        assertThat(first.json().path("decisionReason").asString()).isEqualTo("first_after_new_channel");
        Response second = payBob(alice, bob, 100, "telegram");
        assertThat(status(second))
                .as("the first, never confirmed, proves nothing")
                .isEqualTo("awaiting_confirmation");
        assertThat(second.json().path("decisionReason").asString()).isEqualTo("first_after_new_channel");

        FormClient browser = new FormClient(port);
        String url = second.json().path("confirmationUrl").asString();
        browser.get(path(url));
        assertThat(browser.post(path(url), "code", sms.lastCode(alice.phone())).html())
                .contains("Confirmed");
        assertThat(status(payBob(alice, bob, 100, "telegram")))
                .as("confirmed, but linked less than a day ago")
                .isEqualTo("awaiting_confirmation");
        clock.advance(Duration.ofHours(24));
        assertThat(status(payBob(alice, bob, 100, "telegram")))
                .as("a day on, with one confirmed")
                .isEqualTo("completed");
        assertThat(status(payBob(alice, bob, 100, "api")))
                .as("another channel is not held")
                .isEqualTo("completed");
    }

    @Test
    @DisplayName("security review #20: cancelling a held payment closes its confirmation page")
    void cancellingAHeldPaymentClosesItsConfirmationPage() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 100_000);
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
        Response held = payBob(alice, bob, 15_000, "api");
        String url = held.json().path("confirmationUrl").asString();
        String code = sms.lastCode(alice.phone());
        FormClient browser = new FormClient(port);
        assertThat(browser.get(path(url)).html()).contains("150.00");

        assertThat(status(api.post("/api/v1/payments/" + held.json().path("id").asString() + "/cancel", "")))
                .isEqualTo("cancelled");

        assertThat(browser.get(path(url)).html())
                .as("the page says it is over")
                .contains("Not confirmed")
                .doesNotContain("150.00");
        String answer = browser.post(path(url), "code", code).html();
        assertThat(answer)
                .as("the right code confirms nothing now")
                .contains("Not confirmed")
                .doesNotContain("Thank you");
        assertThat(events.stream(OperationConfirmed.class)
                        .filter(e -> e.reference()
                                .equals("payment:" + held.json().path("id").asString())))
                .isEmpty();
        assertThat(fixtures.balance(alice.wallet())).isEqualTo(100_000);
    }

    @Test
    @DisplayName("security review #13: the confirmation link is stored only sealed, and only while the payment waits")
    void theConfirmationLinkIsStoredSealedAndOnlyWhileThePaymentWaits() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 100_000);
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
        Response held = payBob(alice, bob, 15_000, "api");
        UUID id = UUID.fromString(held.json().path("id").asString());
        String url = held.json().path("confirmationUrl").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);

        String stored = jdbc.sql("SELECT confirmation_link_sealed FROM payments WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored).isNotBlank().doesNotContain("http", "/confirm/", token);
        assertThat(api.get("/api/v1/payments/" + id)
                        .json()
                        .path("confirmationUrl")
                        .asString())
                .as("the API still shows it while the payment waits")
                .isEqualTo(url);

        FormClient browser = new FormClient(port);
        browser.get(path(url));
        browser.post(path(url), "code", sms.lastCode(alice.phone()));
        assertThat(jdbc.sql("SELECT confirmation_link_sealed FROM payments WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .optional())
                .as("cleared once the payment ended")
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payments WHERE confirmation_link_sealed LIKE '%/confirm/%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @DisplayName("security review #12: the chats' alias lookups are counted per customer and hour in the database")
    void payeeLookupsAreCountedPerCustomerAndHour() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 0);
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
        for (int i = 0; i < 60; i++) {
            assertThat(payments.takePayeeLookup(alice.id()))
                    .as("lookup %d", i + 1)
                    .isTrue();
        }
        assertThat(payments.takePayeeLookup(alice.id()))
                .as("the 61st within the hour")
                .isFalse();
        assertThat(payments.takePayeeLookup(bob.id()))
                .as("another customer's allowance")
                .isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(payments.takePayeeLookup(alice.id())).as("the next hour").isTrue();
    }

    @Test
    @DisplayName("issue 18: the assistant's 'why was my transfer declined' reads the newest payment that paid nobody")
    void theLatestPaymentThatPaidNobodyIsRefusedOrUnconfirmedNeverOneThePayerCancelled() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 10_000);
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
        Instant monthAgo = clock.instant().minus(Duration.ofDays(30));
        payBob(alice, bob, 100, "api");
        assertThat(payments.latestNotPaid(alice.id(), monthAgo))
                .as("a completed payment")
                .isEmpty();

        clock.advance(Duration.ofMinutes(1));
        Response poor = payBob(alice, bob, 20_000, "api"); // under the step-up threshold, over her money
        assertThat(payments.latestNotPaid(alice.id(), monthAgo)).hasValueSatisfying(p -> {
            assertThat(p.id().value().toString())
                    .isEqualTo(poor.json().path("id").asString());
            assertThat(p.status()).isEqualTo(PaymentStatus.REJECTED);
            assertThat(p.code()).isEqualTo("insufficient_funds");
            assertThat(p.amountMinor()).isEqualTo(20_000);
            assertThat(p.payee().maskedName()).isEqualTo("Bob B.");
        });

        clock.advance(Duration.ofMinutes(1));
        Response denied = payBob(alice, bob, 60_000, "api"); // above it: held for the bank's page
        FormClient browser = new FormClient(port);
        String url = denied.json().path("confirmationUrl").asString();
        browser.get(path(url));
        browser.post(path(url) + "/cancel");
        assertThat(payments.latestNotPaid(alice.id(), monthAgo))
                .hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(PaymentStatus.NOT_CONFIRMED));

        clock.advance(Duration.ofMinutes(1));
        Response cancelled = payBob(alice, bob, 70_000, "api");
        api.post("/api/v1/payments/" + cancelled.json().path("id").asString() + "/cancel", "");
        payBob(alice, bob, 200, "api");
        assertThat(payments.latestNotPaid(alice.id(), monthAgo))
                .as("cancelled by the payer, or paid: not what she asks about")
                .hasValueSatisfying(p -> assertThat(p.id().value().toString())
                        .isEqualTo(denied.json().path("id").asString()));
        assertThat(payments.latestNotPaid(bob.id(), monthAgo))
                .as("another payer's")
                .isEmpty();
        assertThat(payments.latestNotPaid(alice.id(), clock.instant().plusSeconds(1)))
                .as("older than asked")
                .isEmpty();
    }

    @Test
    void onlyAnOpenPaymentCanBeCancelled() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 10_000);
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 0);
        String id = payBob(alice, bob, 100, "api").json().path("id").asString();
        Response refused = api.post("/api/v1/payments/" + id + "/cancel", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("not_cancellable");
        assertThat(api.post("/api/v1/payments/" + id + "/cancel", "{\"payerCustomerId\":\"" + bob.id() + "\"}")
                        .status())
                .as("only its payer may cancel it")
                .isEqualTo(404);
        assertThat(api.post("/api/v1/payments/" + UUID.randomUUID() + "/cancel", "")
                        .status())
                .isEqualTo(404);
    }

    Response payBob(Person payer, Person payee, long amountMinor, String channel) {
        Response r = api.post(
                "/api/v1/payments", pay(UUID.randomUUID(), payer.id(), phone(payee.phone()), amountMinor, channel));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    Instant nextMidnight() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }
}
