package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.billing.sandbox.SandboxBiller;
import org.socialbank.billing.sandbox.SandboxCardSwitch;
import org.socialbank.billing.sandbox.SandboxOperator;
import org.socialbank.cards.CardId;
import org.socialbank.cards.CardResult;
import org.socialbank.cards.Cards;
import org.socialbank.conversation.Outbound;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.Resolution;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.support.Api;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Customers;
import org.socialbank.support.FakeSms;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Review 2026-12-07 money #4: a payment its provider leaves in doubt keeps the customer's money held
 * for as long as it takes, over the account-bill switch's HTTP protocol (a local fake switch; a 503
 * is "could not tell"), with the bank's clock moved by hand past the old one-day expiry: a late
 * "paid" takes the money once, a late "never received" gives it back, the chat is told that it is
 * still being checked and how it ended, and a reservation made with a timeout before this version
 * that lapsed is never booked as a silent completion. Operations list both kinds of doubt over
 * {@code GET /api/v1/billing/in-doubt}. A mobile top-up and a card-to-card transfer, which share the
 * code ({@code ProviderCalls}), are held, listed, told and settled the same, their sandbox provider
 * told it cannot tell (review 2026-12-07 money follow-up). A payment operations posted by hand that
 * its provider then refuses is flagged and told, and blocks no other (review 2026-12-07 billing
 * follow-up). On H2 and PostgreSQL (the twins).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.api.clients.ops.token=" + PaymentsInDoubtContract.OPS_TOKEN,
            "socialbank.api.clients.ops.scopes=billing:operations",
            "socialbank.api.clients.payer.token=" + PaymentsInDoubtContract.PAYMENTS_TOKEN,
            "socialbank.api.clients.payer.scopes=payments:read",
            "socialbank.api.clients.staff.token=" + PaymentsInDoubtContract.STAFF_TOKEN,
            "socialbank.api.clients.staff.scopes=billing:read,billing:operations",
            "socialbank.api.clients.app.token=" + PaymentsInDoubtContract.APP_TOKEN,
            "socialbank.api.clients.app.scopes=billing:read,billing:write",
            "socialbank.conversation.relay-enabled=false",
            "socialbank.web.secure-cookies=false", // the step-up page's CSRF cookie over plain HTTP
            "socialbank.billing.worker-interval=10m",
            "socialbank.billing.recheck-after=5s",
            "socialbank.billing.pending-timeout=1d",
            "socialbank.payments.risk.burst-payments-max=1000",
            "socialbank.payments.risk.new-channel-confirmations-min=0"
        })
@Import({ChatFakes.class, PaymentsInDoubtContract.Fakes.class})
abstract class PaymentsInDoubtContract extends AccountBillTestBase {

    static final FakeAccountBillerServer SWITCH = FakeAccountBillerServer.shared();
    static final long FUNDED_MINOR = 1_000_000;
    static final String OPS_TOKEN = "ops-token-in-doubt-0123456789";
    static final String PAYMENTS_TOKEN = "payments-token-in-doubt-0123456789";
    static final String STAFF_TOKEN = "staff-token-in-doubt-0123456789";
    static final String APP_TOKEN = "app-token-in-doubt-0123456789";

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }

        @Bean
        FakeSms fakeSms() {
            return new FakeSms();
        }
    }

    @DynamicPropertySource
    static void accountBillSwitch(DynamicPropertyRegistry registry) {
        SWITCH.register(registry);
    }

    @Autowired
    MutableClock clock;

    @Autowired
    FakeSms sms;

    @Autowired
    Cards cards;

    @Autowired
    SandboxOperator operator;

    @Autowired
    TopUpPhone topUpWorker;

    @Autowired
    SandboxCardSwitch cardSwitch;

    @Autowired
    SendToCard cardWorker;

    @LocalServerPort
    int port;

    @Test
    @DisplayName(
            "review 2026-12-07 money #4: a payment unknown past the old one-day expiry and then paid takes the money once")
    void unknownPastTheOldExpiryThenPaidTakesTheMoneyOnce() {
        Customers.Customer sasha = customer("Sasha");
        Payment payment = payUnknown(sasha);
        long settledBefore = settled();

        stillUnknownFor(Duration.ofDays(2));

        assertThat(ledger.expireDue()).as("the reservation has no timeout").isZero();
        assertThat(available(sasha.wallet()))
                .as("still held after two days")
                .isEqualTo(FUNDED_MINOR - payment.amountMinor());
        assertThat(status(payment.id())).isEqualTo("UNKNOWN");
        assertThat(chats.sent(sasha.chat()))
                .as("told once that it is still being checked")
                .filteredOn(t -> t.contains("всё ещё проверяется"))
                .hasSize(1);
        assertThat(inDoubt(payment.id())).containsExactly("STILL_CHECKING");
        assertThat(listed(payment.id()))
                .as("operations see it over HTTP")
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.path("reason").asString()).isEqualTo("STILL_CHECKING");
                    assertThat(p.path("kind").asString()).isEqualTo("account_bill");
                    assertThat(p.path("amountMinor").asLong()).isEqualTo(payment.amountMinor());
                    assertThat(p.path("currency").asString()).isEqualTo("RUB");
                    assertThat(p.path("customerId").asString())
                            .isEqualTo(sasha.id().value().toString());
                    assertThat(Instant.parse(p.path("sentAt").asString()))
                            .isBefore(Instant.parse(p.path("recordedAt").asString()));
                    assertThat(p.path("status").asString()).isEqualTo("unknown");
                });

        tick();
        worker.work(); // the switch answers again: paid
        chats.drain();

        assertThat(status(payment.id())).isEqualTo("COMPLETED");
        assertThat(code(payment.id())).isNull();
        assertThat(SWITCH.payCalls(payment.id())).isEqualTo(1);
        assertThat(ledger.account(sasha.wallet()).orElseThrow().balanceMinor())
                .as("debited exactly once")
                .isEqualTo(FUNDED_MINOR - payment.amountMinor());
        assertThat(available(sasha.wallet())).isEqualTo(FUNDED_MINOR - payment.amountMinor());
        assertThat(settled() - settledBefore).isEqualTo(payment.amountMinor());
        assertThat(chats.sent(sasha.chat(), Outbound.Receipt.class)).hasSize(1);
        new LedgerAudit(jdbc).assertBalanced();
        new LedgerAudit(jdbc).assertBalancesMatchTheJournal();
    }

    @Test
    @DisplayName(
            "review 2026-12-07 money #4: a payment unknown past the old one-day expiry and then never received gives the money back")
    void unknownThenNeverReceivedGivesTheMoneyBack() {
        Customers.Customer ivan = customer("Ivan");
        Payment payment = payLost(ivan);

        stillUnknownFor(Duration.ofDays(2));
        assertThat(available(ivan.wallet())).isEqualTo(FUNDED_MINOR - payment.amountMinor());

        tick();
        worker.work(); // the switch answers again: never received
        chats.drain();

        assertThat(status(payment.id())).isEqualTo("FAILED");
        assertThat(code(payment.id())).isEqualTo(SendBills.BILLER_TIMEOUT);
        assertThat(ledger.account(ivan.wallet()).orElseThrow().balanceMinor()).isEqualTo(FUNDED_MINOR);
        assertThat(available(ivan.wallet())).as("the money is released").isEqualTo(FUNDED_MINOR);
        assertThat(chats.sent(ivan.chat()))
                .anyMatch(t -> t.contains("всё ещё проверяется"))
                .anyMatch(t -> t.contains("Деньги вернулись на ваш счёт"));
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    @DisplayName("review 2026-12-07 billing follow-up: a payment posted by hand and then never received is flagged"
            + " and told the truth, and the other payments in doubt still settle")
    void postedByHandThenNeverReceivedIsFlaggedAndTheOthersStillSettle() {
        Customers.Customer vera = customer("Vera");
        Payment posted = payLost(vera);
        clock.advance(Duration.ofSeconds(1)); // first in the janitor's order, not yet due for a re-check
        Customers.Customer gleb = customer("Gleb");
        Payment other = payUnknown(gleb);
        // operations end the first by hand, as docs/billing.md lets them: they post its reservation
        assertThat(ledger.resolve(Resolution.post(
                        new TransferId(UUID.fromString(column("transfer_id", posted.id()))), OptionalLong.empty())))
                .isInstanceOf(TransferResult.Posted.class);

        tick();
        worker.work(); // the switch answers: the first never received, the other paid
        chats.drain();

        assertThat(status(posted.id())).isEqualTo("FAILED");
        assertThat(code(posted.id())).isEqualTo(Settlements.POSTED_NOT_PAID);
        assertThat(ledger.account(vera.wallet()).orElseThrow().balanceMinor())
                .as("taken by hand, not given back behind operations' backs")
                .isEqualTo(FUNDED_MINOR - posted.amountMinor());
        assertThat(inDoubt(posted.id())).containsExactly("POSTED_NOT_PAID");
        assertThat(listed(posted.id()))
                .as("operations see it over HTTP")
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.path("reason").asString()).isEqualTo("POSTED_NOT_PAID");
                    assertThat(p.path("status").asString()).isEqualTo("failed");
                });
        assertThat(chats.sent(vera.chat()))
                .as("the truth: not paid, but the money was taken")
                .anyMatch(t -> t.contains("уже были списаны"))
                .noneMatch(t -> t.contains("Деньги вернулись на ваш счёт"));
        assertThat(status(other.id())).as("not blocked behind the first").isEqualTo("COMPLETED");
        assertThat(available(gleb.wallet())).isEqualTo(FUNDED_MINOR - other.amountMinor());

        tick();
        worker.work(); // booked once: the first is no longer re-checked
        chats.drain();
        assertThat(chats.sent(vera.chat()))
                .filteredOn(t -> t.contains("уже были списаны"))
                .hasSize(1);
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    @DisplayName(
            "review 2026-12-07 money #4: a late 'paid' on a reservation that lapsed is flagged and told, not a silent completion")
    void aLatePaidOnALapsedReservationIsFlaggedAndTold() {
        Customers.Customer olga = customer("Olga");
        Payment payment = payUnknown(olga);
        // as a payment reserved before this version: its reservation had a one-day timeout
        withReservationOfOneDay(payment);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(ledger.expireDue()).isEqualTo(1);
        assertThat(available(olga.wallet())).as("the ledger released it").isEqualTo(FUNDED_MINOR);

        worker.work(); // the switch answers: paid
        chats.drain();

        assertThat(status(payment.id())).isEqualTo("COMPLETED");
        assertThat(code(payment.id())).isEqualTo(Settlements.PAID_NOT_BOOKED);
        assertThat(inDoubt(payment.id())).contains("PAID_NOT_BOOKED");
        assertThat(listed(payment.id())).as("operations see it over HTTP").anySatisfy(p -> {
            assertThat(p.path("reason").asString()).isEqualTo("PAID_NOT_BOOKED");
            assertThat(p.path("amountMinor").asLong()).isEqualTo(payment.amountMinor());
        });
        assertThat(ledger.account(olga.wallet()).orElseThrow().balanceMinor()).isEqualTo(FUNDED_MINOR);
        assertThat(chats.sent(olga.chat()))
                .as("the truth: paid, but nothing taken")
                .anyMatch(t -> t.contains("банк не списал деньги"));
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    @DisplayName(
            "review 2026-12-07 money #4: operations list the payments in doubt oldest first, with billing:operations and a bounded limit")
    void operationsListThePaymentsInDoubtOldestFirst() {
        Payment first = payUnknown(customer("Nina"));
        stillUnknownFor(Duration.ofDays(2));
        Payment second = payUnknown(customer("Pavel"));
        stillUnknownFor(Duration.ofDays(2), 2);

        List<String> all = ids(new Api(port).get("/api/v1/billing/in-doubt"));
        assertThat(all).containsSubsequence(first.id().toString(), second.id().toString());
        assertThat(ids(new Api(port).get("/api/v1/billing/in-doubt?limit=1")))
                .as("oldest first")
                .containsExactly(all.get(0));

        Api.Response ops = new Api("http://127.0.0.1:" + port, OPS_TOKEN).get("/api/v1/billing/in-doubt?limit=500");
        assertThat(ops.status()).as("billing:operations is enough").isEqualTo(200);
        Api.Response payments = new Api("http://127.0.0.1:" + port, PAYMENTS_TOKEN).get("/api/v1/billing/in-doubt");
        assertThat(payments.status()).isEqualTo(403);
        Api.Response app = new Api("http://127.0.0.1:" + port, APP_TOKEN).get("/api/v1/billing/in-doubt");
        assertThat(app.status())
                .as("billing:read and billing:write, a customer-facing app's, do not list it (sec follow-up)")
                .isEqualTo(403);
        assertThat(app.contentType()).startsWith("application/problem+json");
        for (String limit : List.of("0", "501", "-1")) {
            Api.Response bad = new Api(port).get("/api/v1/billing/in-doubt?limit=" + limit);
            assertThat(bad.status()).as(limit).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(bad.code()).isEqualTo("limit_not_valid");
        }
        assertThat(new Api(port).get("/v3/api-docs").body())
                .as("in the OpenAPI document")
                .contains("/api/v1/billing/in-doubt");

        tick();
        worker.work(); // the switch answers again: both paid, so no other test's payment waits behind them
        chats.drain();
        assertThat(List.of(status(first.id()), status(second.id()))).containsOnly("COMPLETED");
    }

    @Test
    @DisplayName("review 2026-12-07 billing follow-up: the in-doubt list pages after a cursor, lists the open ones"
            + " only if asked, and staff mark a settled row once, audited, over HTTP")
    void theInDoubtListPagesAfterACursorAndStaffMarkSettledRows() {
        Payment paid = payUnknown(customer("Oleg"));
        tick();
        worker.work(); // paid; recorded as paid without the money taken, as the ledger's refusal would
        chats.drain();
        clock.advance(Duration.ofMinutes(1));
        recordInDoubt(paid, "PAID_NOT_BOOKED");
        Payment checking = payUnknown(customer("Lena")); // still unknown: the janitor's, not staff's
        clock.advance(Duration.ofMinutes(1));
        recordInDoubt(checking, "STILL_CHECKING");

        assertThat(pagedIds("/api/v1/billing/in-doubt?limit=1"))
                .as("every row once, in order, one page at a time")
                .containsSubsequence(paid.id() + "/PAID_NOT_BOOKED", checking.id() + "/STILL_CHECKING")
                .doesNotHaveDuplicates();
        assertThat(pagedIds("/api/v1/billing/in-doubt?open=true&limit=2"))
                .contains(paid.id() + "/PAID_NOT_BOOKED", checking.id() + "/STILL_CHECKING");

        Api staff = new Api("http://127.0.0.1:" + port, STAFF_TOKEN);
        String settle = "/api/v1/billing/in-doubt/" + paid.id() + "/PAID_NOT_BOOKED/settle";
        String note = "{\"note\":\"debited by hand, ticket 4711\"}";
        assertThat(new Api("http://127.0.0.1:" + port, APP_TOKEN)
                        .post(settle, note)
                        .status())
                .as("billing:write is not enough")
                .isEqualTo(403);
        Api.Response marked = staff.post(settle, note);
        assertThat(marked.status()).as(marked.body()).isEqualTo(201);
        assertThat(marked.json().path("settledNote").asString()).isEqualTo("debited by hand, ticket 4711");
        assertThat(marked.json().path("settledBy").asString()).isNotBlank();
        Api.Response again = staff.post(settle, "{\"note\":\"another\"}");
        assertThat(again.status()).as("idempotent").isEqualTo(200);
        assertThat(again.json().path("settledAt").asString())
                .isEqualTo(marked.json().path("settledAt").asString());
        assertThat(again.json().path("settledNote").asString()).isEqualTo("debited by hand, ticket 4711");

        assertProblem(
                staff.post("/api/v1/billing/in-doubt/" + checking.id() + "/STILL_CHECKING/settle", note),
                409,
                "still_in_doubt");
        assertProblem(
                staff.post("/api/v1/billing/in-doubt/" + UUID.randomUUID() + "/PAID_NOT_BOOKED/settle", note),
                404,
                "in_doubt_not_found");
        assertProblem(staff.post(settle, "{\"note\":\" \"}"), 400, "note_not_valid");
        assertProblem(new Api(port).get("/api/v1/billing/in-doubt?after=yesterday"), 400, "after_not_valid");

        assertThat(pagedIds("/api/v1/billing/in-doubt?open=true&limit=2"))
                .as("settled: no longer open")
                .doesNotContain(paid.id() + "/PAID_NOT_BOOKED")
                .contains(checking.id() + "/STILL_CHECKING");
        assertThat(pagedIds("/api/v1/billing/in-doubt?limit=500"))
                .as("but still listed")
                .contains(paid.id() + "/PAID_NOT_BOOKED");

        tick();
        worker.work(); // the switch answers: paid
        chats.drain();
        assertThat(status(checking.id())).isEqualTo("COMPLETED");
        assertThat(pagedIds("/api/v1/billing/in-doubt?open=true&limit=2"))
                .as("a STILL_CHECKING row closes when its payment ends")
                .doesNotContain(checking.id() + "/STILL_CHECKING");
    }

    /** A row of the in-doubt table for the payment, recorded now (what ProviderCalls records). */
    private void recordInDoubt(Payment payment, String reason) {
        jdbc.sql("INSERT INTO billing_payments_in_doubt (payment_id, reason, kind, customer_id, transfer_id, told_at) "
                        + "SELECT id, ?, 'account bills', customer_id, transfer_id, ? FROM billing_account_bill_payments "
                        + "WHERE id = ?")
                .params(
                        reason,
                        java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC),
                        payment.id())
                .update();
    }

    /** Every page of the list, following {@code next}: paymentId/reason of each row. */
    private List<String> pagedIds(String first) {
        List<String> ids = new ArrayList<>();
        String path = first;
        for (int pages = 0; pages < 1000; pages++) {
            Api.Response page = new Api(port).get(path);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json()
                    .path("payments")
                    .forEach(p -> ids.add(p.path("paymentId").asString() + "/"
                            + p.path("reason").asString()));
            JsonNode next = page.json().path("next");
            if (next.isNull() || next.isMissingNode()) {
                return ids;
            }
            path = first + "&after="
                    + java.net.URLEncoder.encode(next.asString(), java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new AssertionError("more than 1000 pages");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }

    @Test
    @DisplayName("review 2026-12-07 money follow-up: a mobile top-up in doubt past the old one-day expiry stays held,"
            + " is listed and told, and a late 'paid' takes the money once")
    void aTopUpInDoubtStaysHeldIsListedAndToldThenTakesTheMoneyOnce() {
        Customers.Customer reza = customer("Reza", Language.EN, "IRR", FUNDED_MINOR);
        Outbound.Buttons offer = (Outbound.Buttons)
                chats.say(reza.chat(), "top up 09351234567 100000 rial").get(0);
        operator.troubleNext(SandboxBiller.Trouble.TIMEOUT); // the operator tops up, its answer is lost
        confirm(reza, offer);
        topUpWorker.recheck();
        chats.drain();
        UUID id = jdbc.sql("SELECT id FROM billing_topups WHERE customer_id = ?")
                .param(reza.id().value())
                .query(UUID.class)
                .single();
        long amount = Long.parseLong(column("billing_topups", "amount_minor", id));

        unknownForTwoDaysThenPaid(
                reza,
                new InDoubtKind("billing_topups", "top_up", operator::statusUnavailable, topUpWorker::recheck),
                id,
                amount);
    }

    @Test
    @DisplayName("review 2026-12-07 money follow-up: a card-to-card transfer in doubt past the old one-day expiry"
            + " stays held, is listed and told, and a late 'paid' takes the money once")
    void aCardTransferInDoubtStaysHeldIsListedAndToldThenTakesTheMoneyOnce() {
        Customers.Customer kian = new Customers(directory, ledger, chats)
                .named("Kian")
                .phoneIn(BillingFixtures.PHONES)
                .wallet("IRR", FUNDED_MINOR)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
        assertThat(cards.issueDebit(new CardId(UUID.randomUUID()), kian.id(), kian.wallet()))
                .isInstanceOf(CardResult.Done.class);
        chats.say(kian.chat(), "hello"); // her most recent chat, where she is told
        UUID id = UUID.randomUUID();
        long amount = 300_000;
        Api.Response held = new Api(port)
                .post(
                        "/api/v1/card-transfers",
                        "{\"id\":\"" + id + "\",\"customerId\":\"" + kian.id() + "\",\"destinationCard\":"
                                + "\"6037-7016-8909-5443\",\"amountMinor\":" + amount + ",\"currency\":\"IRR\"}");
        assertThat(held.json().path("status").asString()).as(held.body()).isEqualTo("awaiting_confirmation");
        BillingFixtures.confirmOnTheBanksPage(
                port, sms, held.json().path("confirmationUrl").asString(), kian.phone());
        cardSwitch.troubleNext(SandboxBiller.Trouble.TIMEOUT); // the switch pays, its answer is lost
        cardWorker.work();
        chats.drain();

        unknownForTwoDaysThenPaid(
                kian,
                new InDoubtKind(
                        "billing_card_transfers", "card_transfer", cardSwitch::statusUnavailable, cardWorker::work),
                id,
                amount);
    }

    /**
     * A kind of payment its provider can leave in doubt: its table, its name in the in-doubt list,
     * how its sandbox is told that the next status queries cannot tell, and its worker.
     */
    record InDoubtKind(String table, String name, java.util.function.IntConsumer unavailable, Runnable janitor) {}

    /**
     * The payment is UNKNOWN; for two days its provider cannot tell (it is held, listed and told),
     * then it answers: paid, and the money is taken once.
     */
    private void unknownForTwoDaysThenPaid(Customers.Customer customer, InDoubtKind kind, UUID id, long amount) {
        assertThat(column(kind.table(), "status", id)).isEqualTo("UNKNOWN");
        stillUnknownFor(Duration.ofDays(2), () -> {
            kind.unavailable().accept(SandboxBiller.TROUBLES_MAX);
            kind.janitor().run();
        });
        kind.unavailable().accept(0);

        assertInDoubt(customer, id, kind.name(), amount, "IRR");
        assertThat(column(kind.table(), "status", id)).isEqualTo("UNKNOWN");

        tick();
        kind.janitor().run(); // the provider answers again: paid
        chats.drain();

        assertThat(column(kind.table(), "status", id)).isEqualTo("COMPLETED");
        assertTakenOnce(customer, amount);
    }

    /**
     * Two days unknown: the money still held, the customer told once it is still being checked,
     * the payment listed {@code STILL_CHECKING} over HTTP as its {@code kind}.
     */
    private void assertInDoubt(Customers.Customer customer, UUID id, String kind, long amount, String currency) {
        assertThat(ledger.expireDue()).as("the reservation has no timeout").isZero();
        assertThat(available(customer.wallet())).as("still held after two days").isEqualTo(FUNDED_MINOR - amount);
        assertThat(chats.sent(customer.chat()))
                .as("told once that it is still being checked")
                .filteredOn(t -> t.contains("is still being checked"))
                .hasSize(1);
        assertThat(inDoubt(id)).containsExactly("STILL_CHECKING");
        assertThat(listed(id)).singleElement().satisfies(p -> {
            assertThat(p.path("kind").asString()).isEqualTo(kind);
            assertThat(p.path("reason").asString()).isEqualTo("STILL_CHECKING");
            assertThat(p.path("amountMinor").asLong()).isEqualTo(amount);
            assertThat(p.path("currency").asString()).isEqualTo(currency);
            assertThat(p.path("customerId").asString())
                    .isEqualTo(customer.id().value().toString());
            assertThat(p.path("status").asString()).isEqualTo("unknown");
        });
    }

    /** Completed: the money taken exactly once, nothing held any more, the books balanced. */
    private void assertTakenOnce(Customers.Customer customer, long amount) {
        assertThat(ledger.account(customer.wallet()).orElseThrow().balanceMinor())
                .as("debited exactly once")
                .isEqualTo(FUNDED_MINOR - amount);
        assertThat(available(customer.wallet())).isEqualTo(FUNDED_MINOR - amount);
        new LedgerAudit(jdbc).assertBalanced();
        new LedgerAudit(jdbc).assertBalancesMatchTheJournal();
    }

    private List<String> ids(Api.Response listed) {
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        listed.json().path("payments").forEach(p -> ids.add(p.path("paymentId").asString()));
        return ids;
    }

    /** The payment's entries in {@code GET /api/v1/billing/in-doubt}. */
    private List<JsonNode> listed(UUID id) {
        Api.Response listed = new Api(port).get("/api/v1/billing/in-doubt?limit=500");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return StreamSupport.stream(listed.json().path("payments").spliterator(), false)
                .filter(p -> p.path("paymentId").asString().equals(id.toString()))
                .toList();
    }

    record Payment(UUID id, long amountMinor) {}

    private Customers.Customer customer(String name) {
        return customer(name, Language.RU, "RUB", FUNDED_MINOR);
    }

    /** Confirmed in chat; the switch takes it but its answer is lost: UNKNOWN, the money held. */
    private Payment payUnknown(Customers.Customer customer) {
        return pay(customer, SandboxBiller.Trouble.TIMEOUT);
    }

    /** Confirmed in chat; the switch never receives it and the answer is lost: UNKNOWN, the money held. */
    private Payment payLost(Customers.Customer customer) {
        return pay(customer, SandboxBiller.Trouble.LOSE);
    }

    private Payment pay(Customers.Customer customer, SandboxBiller.Trouble trouble) {
        confirm(customer, offer(customer, "оплатить Мосэнергосбыт " + freshAccount("ru_mosenergosbyt")));
        SWITCH.sandbox.troubleNext(trouble);
        worker.work();
        chats.drain();
        UUID id = accountBillOf(customer);
        Payment payment = new Payment(id, Long.parseLong(column("amount_minor", id)));
        assertThat(status(payment.id())).isEqualTo("UNKNOWN");
        assertThat(available(customer.wallet())).isEqualTo(FUNDED_MINOR - payment.amountMinor());
        return payment;
    }

    /** The switch cannot answer (503) each time the janitor asks, over {@code duration}, with the ledger's janitor running. */
    private void stillUnknownFor(Duration duration) {
        stillUnknownFor(duration, 1);
    }

    /** As {@link #stillUnknownFor(Duration)}, with {@code inDoubt} payments asked about each time. */
    private void stillUnknownFor(Duration duration, int inDoubt) {
        stillUnknownFor(duration, () -> {
            SWITCH.unavailable(inDoubt);
            worker.work();
        });
    }

    /**
     * Every six hours over {@code duration}, the ledger's janitor runs and then {@code round}: the
     * kind's janitor asking a provider that cannot tell.
     */
    private void stillUnknownFor(Duration duration, Runnable round) {
        for (Duration passed = Duration.ZERO;
                passed.compareTo(duration) < 0;
                passed = passed.plus(Duration.ofHours(6))) {
            clock.advance(Duration.ofHours(6));
            ledger.expireDue();
            round.run();
            chats.drain();
        }
    }

    /** The payment's reservation replaced by one with a one-day timeout, as the old code made it. */
    private void withReservationOfOneDay(Payment payment) {
        UUID current = jdbc.sql("SELECT transfer_id FROM billing_account_bill_payments WHERE id = ?")
                .param(payment.id())
                .query(UUID.class)
                .single();
        TransferRow row = jdbc.sql("SELECT debit_account_id, credit_account_id, currency FROM transfers WHERE id = ?")
                .param(current)
                .query((rs, n) -> new TransferRow(
                        new AccountId(rs.getObject(1, UUID.class)),
                        new AccountId(rs.getObject(2, UUID.class)),
                        CurrencyCode.of(rs.getString(3))))
                .single();
        assertThat(ledger.resolve(Resolution.voidIt(new TransferId(current))))
                .isInstanceOf(TransferResult.Posted.class);
        UUID old = UUID.randomUUID();
        assertThat(ledger.transfer(new NewTransfer(
                        new TransferId(old),
                        row.debit(),
                        row.credit(),
                        payment.amountMinor(),
                        row.currency(),
                        new TransferCode("bill"),
                        true,
                        Duration.ofDays(1).toSeconds(),
                        Metadata.EMPTY)))
                .isInstanceOf(TransferResult.Posted.class);
        jdbc.sql("UPDATE billing_account_bill_payments SET transfer_id = ? WHERE id = ?")
                .params(old, payment.id())
                .update();
    }

    record TransferRow(AccountId debit, AccountId credit, CurrencyCode currency) {}

    private void tick() {
        clock.advance(Duration.ofSeconds(6));
    }

    private String status(UUID id) {
        return column("status", id);
    }

    private String code(UUID id) {
        return column("code", id);
    }

    /** A column of the account bill's row; null when null. */
    private String column(String name, UUID id) {
        return column("billing_account_bill_payments", name, id);
    }

    /** A column of a payment's row in its kind's table; null when null. */
    private String column(String table, String name, UUID id) {
        return jdbc.sql("SELECT " + name + " FROM " + table + " WHERE id = ?")
                .param(id)
                .query((rs, n) -> rs.getString(1))
                .list()
                .get(0);
    }

    private List<String> inDoubt(UUID id) {
        return jdbc.sql("SELECT reason FROM billing_payments_in_doubt WHERE payment_id = ? ORDER BY told_at, reason")
                .param(id)
                .query(String.class)
                .list();
    }

    private long available(AccountId account) {
        return ledger.account(account).orElseThrow().availableMinor();
    }

    private long settled() {
        return ledger.account(BillerAccounts.of(AccountBills.billerKey("ru_mosenergosbyt"), CurrencyCode.of("RUB")))
                .map(a -> Math.abs(a.balanceMinor()))
                .orElse(0L);
    }
}
