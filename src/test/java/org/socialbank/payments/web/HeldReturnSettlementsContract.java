package org.socialbank.payments.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.socialbank.payments.web.PaymentFixtures.phone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.KycLevel;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.StatusResult;
import org.socialbank.payments.HeldReturnSettled;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.PaymentReturned;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.payments.SettleHeldReturnOrder;
import org.socialbank.payments.SettleRefusal;
import org.socialbank.payments.SettleResult;
import org.socialbank.payments.web.PaymentFixtures.Person;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.LedgerAudit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Operations settle a held return by hand (review 2026-12-07 money follow-up): over real HTTP,
 * idempotent by the Idempotency-Key, refused with named codes, and never racing the held-returns
 * janitor into moving the money twice.
 */
abstract class HeldReturnSettlementsContract extends HeldReturnsTestBase {

    /** A customer-facing app's token: it pays, so it has payments:write, not the operations' scope. */
    static final String PAYER_APP_TOKEN = "held-test-payer-app-0123456789";

    static final String OPERATIONS_TOKEN = "held-test-operations-0123456789";

    @Autowired
    PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void clients(DynamicPropertyRegistry registry) {
        registry.add("socialbank.api.clients.payer-app.token", () -> PAYER_APP_TOKEN);
        registry.add("socialbank.api.clients.payer-app.scopes", () -> "payments:read,payments:write");
        registry.add("socialbank.api.clients.operations.token", () -> OPERATIONS_TOKEN);
        registry.add("socialbank.api.clients.operations.scopes", () -> "payments:operations");
    }

    @Test
    @DisplayName("review 2026-12-07 money follow-up: held returns are operations' only: a payments:write token gets"
            + " 403 problem+json on their list and their settlement, a payments:operations token lists and settles")
    void heldReturnsNeedTheOperationsScope() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 10_000);
        PaymentId id =
                heldReturn(alice, "DE40370400440532013785", () -> close(alice)).id();
        AccountId second = fixtures.secondAccount(alice, "EUR");
        Api app = new Api("http://127.0.0.1:" + port, PAYER_APP_TOKEN);
        String path = "/api/v1/payments/" + id + "/return-held/settle";

        assertForbidden(app.get("/api/v1/payments/return-held"));
        assertForbidden(app.post(path, body(second, "r"), "Idempotency-Key", key()));
        assertForbidden(app.post(
                "/api/v1/payments/" + id + "/%72eturn-held/settle", body(second, "r"), "Idempotency-Key", key()));
        assertThat(app.get("/api/v1/payments/" + id).status())
                .as("the app still reads its payments")
                .isEqualTo(200);
        assertThat(payments.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.RETURN_HELD);
        assertThat(fixtures.balance(second)).as("nothing moved").isZero();

        Api operations = new Api("http://127.0.0.1:" + port, OPERATIONS_TOKEN);
        Response listed = operations.get("/api/v1/payments/return-held");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        List<String> listedIds = new ArrayList<>();
        listed.json().path("payments").forEach(p -> listedIds.add(p.path("id").asString()));
        assertThat(listedIds).contains(id.value().toString());
        Response settled =
                operations.post(path, body(second, "closed; settled by operations"), "Idempotency-Key", key());
        assertThat(settled.status()).as(settled.toString()).isEqualTo(201);
        assertThat(fixtures.balance(second)).isEqualTo(3_000);
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    @DisplayName("review 2026-12-07 money follow-up: with the bank's settlement account frozen a settlement by hand"
            + " answers 409 settlement_account_unavailable, not account_not_open, and nothing moves")
    void aFrozenSettlementAccountIsNamedAsTheBanks() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 10_000);
        PaymentId id =
                heldReturn(alice, "DE13370400440532013786", () -> close(alice)).id();
        AccountId second = fixtures.secondAccount(alice, "EUR");
        AccountId settlement = new AccountId(UUID.nameUUIDFromBytes(
                ("socialbank-bank:" + AccountKind.INTERBANK_SETTLEMENT.wireName() + ":EUR").getBytes(UTF_8)));
        long held = fixtures.balance(settlement);
        assertThat(ledger.changeStatus(settlement, AccountStatus.FROZEN)).isInstanceOf(StatusResult.Changed.class);
        try {
            Response refused = settle(id, second, "r", key());
            assertRefused(refused, 409, "settlement_account_unavailable");
            assertThat(refused.json().path("detail").asString()).contains("settlement account");
            assertThat(payments.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.RETURN_HELD);
            assertThat(fixtures.balance(second)).as("nothing moved").isZero();
            assertThat(fixtures.balance(settlement)).isEqualTo(held);
            assertThat(events.stream(HeldReturnSettled.class)
                            .filter(e -> e.paymentId().equals(id)))
                    .isEmpty();
        } finally {
            assertThat(ledger.changeStatus(settlement, AccountStatus.OPEN)).isInstanceOf(StatusResult.Changed.class);
        }
        assertThat(settle(id, second, "r", key()).status())
                .as("settled once the bank's account is open again")
                .isEqualTo(201);
        assertThat(fixtures.balance(second)).isEqualTo(3_000);
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    @DisplayName("review 2026-12-07 money follow-up: operations settle a closed account's held return onto another"
            + " account of the payer's, once, and the payer is told")
    void operationsSettleAClosedAccountsHeldReturnOntoAnotherAccountOfThePayers() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 10_000);
        PaymentId id =
                heldReturn(alice, "DE51370400440532013781", () -> close(alice)).id();
        AccountId second = fixtures.secondAccount(alice, "EUR");
        String key = "ops-" + UUID.randomUUID();

        Response settled = settle(id, second, "  account closed; customer asked for her savings account  ", key);
        assertThat(settled.status()).as(settled.toString()).isEqualTo(201);
        JsonNode payment = settled.json().path("payment");
        assertThat(payment.path("status").asString()).isEqualTo("returned");
        assertThat(payment.path("code").asString()).isEqualTo("settled_by_hand");
        JsonNode settlement = settled.json().path("settlement");
        assertThat(settlement.path("toAccountId").asString())
                .isEqualTo(second.value().toString());
        assertThat(settlement.path("reason").asString())
                .isEqualTo("account closed; customer asked for her savings account");
        assertThat(settlement.path("settledBy").asString())
                .as("the API client is recorded")
                .isNotBlank();
        assertThat(fixtures.balance(second)).isEqualTo(3_000);
        assertThat(api.get("/api/v1/payments/" + id).json().path("code").asString())
                .isEqualTo("settled_by_hand");
        assertThat(heldIds()).as("no longer listed").doesNotContain(id.value().toString());
        assertThat(stored(id))
                .containsEntry("idempotency_key", key)
                .containsEntry("to_account_id", second.value())
                .containsEntry("reason", "account closed; customer asked for her savings account")
                .containsEntry("settled_by", settlement.path("settledBy").asString());
        assertThat(events.stream(HeldReturnSettled.class)
                        .filter(e -> e.paymentId().equals(id)))
                .as("the payer is told, with only the account's last four characters")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.toAccountId()).isEqualTo(second);
                    assertThat(second.value().toString()).endsWith(e.accountEnding());
                    assertThat(e.accountEnding()).hasSize(4);
                });

        Response replay = settle(id, second, "account closed; customer asked for her savings account", key);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json().path("settlement").path("transferId").asString())
                .isEqualTo(settlement.path("transferId").asString());
        assertThat(settle(id, second, "another reason", key).code()).isEqualTo("idempotency_key_reused");
        Response again = settle(id, second, "again", "ops-" + UUID.randomUUID());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("already_settled");
        assertThat(again.contentType()).startsWith("application/problem+json");
        clock.advance(Duration.ofDays(2));
        payments.retryHeldReturns(500);
        assertThat(fixtures.balance(second)).as("moved once").isEqualTo(3_000);
        assertThat(events.stream(HeldReturnSettled.class)
                        .filter(e -> e.paymentId().equals(id)))
                .hasSize(1);
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    @DisplayName("review 2026-12-07 money follow-up: a settlement by hand is refused with named codes, and nothing"
            + " moves: unknown payment, not held, another's account, another currency, frozen, bad input")
    void aSettlementByHandIsRefusedForTheWrongPaymentOrAccount() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 10_000);
        Person bob = fixtures.customer("Bob Brown", KycLevel.FULL, 1_000);
        PaymentId id =
                heldReturn(alice, "DE24370400440532013782", () -> close(alice)).id();
        AccountId second = fixtures.secondAccount(alice, "EUR");

        assertRefused(settle(new PaymentId(UUID.randomUUID()), second, "r", key()), 404, "payment_not_found");
        String waiting = paymentIdOf(claimUrl(bob, phone(PaymentFixtures.freshPhone()), 100));
        assertRefused(settle(PaymentId.of(waiting), second, "r", key()), 409, "not_held");
        assertRefused(settle(id, new AccountId(UUID.randomUUID()), "r", key()), 422, "account_not_found");
        assertRefused(settle(id, bob.wallet(), "r", key()), 422, "account_not_payers");
        assertRefused(settle(id, fixtures.secondAccount(alice, "RUB"), "r", key()), 422, "currency_mismatch");
        AccountId frozen = fixtures.secondAccount(alice, "EUR");
        assertThat(ledger.changeStatus(frozen, AccountStatus.FROZEN))
                .isInstanceOf(org.socialbank.ledger.StatusResult.Changed.class);
        assertRefused(settle(id, frozen, "r", key()), 422, "account_not_open");

        String path = "/api/v1/payments/" + id + "/return-held/settle";
        String body = "{\"toAccountId\":\"" + second.value() + "\"}";
        assertThat(api.post(path, body, "Idempotency-Key", key()).status())
                .as("no reason")
                .isEqualTo(400);
        assertThat(api.post(path, body(second, "x".repeat(501)), "Idempotency-Key", key())
                        .status())
                .as("a reason too long")
                .isEqualTo(400);
        assertThat(api.post(path, body(second, "   "), "Idempotency-Key", key()).status())
                .as("a blank reason")
                .isEqualTo(400);
        assertThat(api.post(path, body(second, "r")).status())
                .as("no Idempotency-Key")
                .isEqualTo(400);

        assertThat(payments.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.RETURN_HELD);
        assertThat(fixtures.balance(second)).as("nothing moved").isZero();
        assertThat(heldIds()).contains(id.value().toString());
        assertThat(events.stream(HeldReturnSettled.class)
                        .filter(e -> e.paymentId().equals(id)))
                .isEmpty();
    }

    @Test
    @DisplayName("review 2026-12-07 money follow-up: the held-returns janitor and a settlement by hand racing on one"
            + " payment move its money once")
    void theJanitorAndASettlementByHandRacingMoveTheMoneyOnce() throws Exception {
        for (int round = 0; round < 2; round++) {
            Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 10_000);
            PaymentId id = heldReturn(
                            alice,
                            round == 0 ? "DE94370400440532013783" : "DE67370400440532013784",
                            () -> changeStatus(alice, AccountStatus.FROZEN))
                    .id();
            AccountId second = fixtures.secondAccount(alice, "EUR");
            changeStatus(alice, AccountStatus.OPEN);
            clock.advance(Duration.ofMinutes(11)); // the janitor's next try is due: both may move it
            SettleResult settled =
                    race(id, new SettleHeldReturnOrder(id, second, "race", key(), "ops-test"), round == 1);

            long returned = events.stream(PaymentReturned.class)
                    .filter(e -> e.paymentId().equals(id))
                    .count();
            long byHand = events.stream(HeldReturnSettled.class)
                    .filter(e -> e.paymentId().equals(id))
                    .count();
            assertThat(returned + byHand)
                    .as("round " + round + ": one of the two moved it")
                    .isEqualTo(1);
            assertThat(fixtures.balance(alice.wallet()) + fixtures.balance(second))
                    .as("round " + round + ": the money came back once")
                    .isEqualTo(10_000);
            assertThat(payments.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.RETURNED);
            if (byHand == 1) {
                assertThat(settled).isInstanceOf(SettleResult.Settled.class);
                assertThat(fixtures.balance(second)).isEqualTo(3_000);
            } else {
                assertThat(settled).isEqualTo(new SettleResult.Refused(SettleRefusal.NOT_HELD));
                assertThat(fixtures.balance(second)).isZero();
            }
            new LedgerAudit(jdbc).assertBalanced();
        }
    }

    /**
     * Runs the janitor and the settlement at once while the test holds the payment's row lock, so
     * both wait on it and then go one after the other. The one asked first queues first (PostgreSQL
     * grants a row lock in that order), so the rounds try both orders; the checks hold for either.
     */
    private SettleResult race(PaymentId id, SettleHeldReturnOrder order, boolean settleFirst) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> holder = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.sql("SELECT id FROM payments WHERE id = ? FOR UPDATE")
                        .param(id.value())
                        .query(UUID.class)
                        .single();
                locked.countDown();
                await(started);
                pause(400); // the racers reach the lock and wait there
            }));
            await(locked);
            Callable<Object> janitor = () -> payments.retryHeldReturns(500);
            Callable<Object> settle = () -> payments.settleHeldReturn(order);
            Future<Object> first = pool.submit(racer(settleFirst ? settle : janitor, started));
            pause(100);
            Future<Object> second = pool.submit(racer(settleFirst ? janitor : settle, started));
            holder.get(30, TimeUnit.SECONDS);
            Object one = first.get(30, TimeUnit.SECONDS);
            Object two = second.get(30, TimeUnit.SECONDS);
            return (SettleResult) (settleFirst ? one : two);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Object> racer(Callable<Object> work, CountDownLatch started) {
        return () -> {
            started.countDown();
            return work.call();
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response settle(PaymentId id, AccountId to, String reason, String key) {
        return api.post("/api/v1/payments/" + id + "/return-held/settle", body(to, reason), "Idempotency-Key", key);
    }

    private static String body(AccountId to, String reason) {
        return "{\"toAccountId\":\"" + to.value() + "\",\"reason\":\"" + reason + "\"}";
    }

    private static String key() {
        return "ops-" + UUID.randomUUID();
    }

    private static void assertForbidden(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("forbidden");
        assertThat(response.json().path("detail").asString()).contains("payments:operations");
    }

    private static void assertRefused(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private Map<String, Object> stored(PaymentId id) {
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.sql("SELECT idempotency_key, to_account_id, reason, settled_by FROM held_return_settlements"
                        + " WHERE payment_id = ?")
                .param(id.value())
                .query((rs, n) -> Map.<String, Object>of(
                        "idempotency_key", rs.getString(1),
                        "to_account_id", rs.getObject(2, UUID.class),
                        "reason", rs.getString(3),
                        "settled_by", rs.getString(4)))
                .list()
                .forEach(rows::add);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
