package org.socialbank.payments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialbank.payments.web.PaymentFixtures.pay;
import static org.socialbank.payments.web.PaymentFixtures.phone;
import static org.socialbank.payments.web.PaymentFixtures.tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.Directory;
import org.socialbank.directory.KycLevel;
import org.socialbank.ledger.Ledger;
import org.socialbank.payments.PaymentCompleted;
import org.socialbank.payments.web.PaymentFixtures.Person;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
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
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Paying by alias over the real HTTP API: to a customer, replays and reused ids, the contract's
 * members and its problems. The ledger stays balanced after every test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "socialbank.web.secure-cookies=false",
    "socialbank.payments.risk.burst-payments-max=1000",
    "socialbank.payments.risk.new-payees-per-day-max=1000",
    "socialbank.payments.risk.limits.basic.EUR.per-transaction=150",
    "socialbank.payments.risk.limits.basic.EUR.per-day=200",
    "socialbank.payments.risk.limits.basic.EUR.per-month=300",
    "socialbank.payments.risk.channel-limits.x.EUR.per-transaction=30",
    "socialbank.payments.risk.channel-limits.x.EUR.per-day=50",
    "socialbank.payouts.sandbox.fail-accounts=DE02120300000000202051"})
@Import(PaymentsContract.Fakes.class)
abstract class PaymentsContract {

    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FakeSms sms;

    @Autowired
    MutableClock clock;

    @Autowired
    Events events;

    Api api;
    PaymentFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new PaymentFixtures(directory, ledger);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        new LedgerAudit(jdbc).assertBalanced();
    }

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
        assertThat(events.stream(PaymentCompleted.class).filter(e -> e.paymentId().value().equals(id)))
                .singleElement().satisfies(e -> {
                    assertThat(e.payeeCustomerId()).isEqualTo(bob.id());
                    assertThat(e.amountMinor()).isEqualTo(2_500);
                });

        String fingerprint = new LedgerAudit(jdbc).fingerprint();
        Response replay = api.post("/api/v1/payments", body);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("status").asString()).isEqualTo("completed");
        assertThat(replay.json().path("createdAt")).isEqualTo(json.path("createdAt"));
        assertThat(new LedgerAudit(jdbc).fingerprint()).as("a replay never pays twice").isEqualTo(fingerprint);

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
        Response byTag = api.post("/api/v1/payments", pay(UUID.randomUUID(), alice.id(), tag("$" + bob.tag()), 100, "api"));
        assertThat(byTag.json().path("status").asString()).as(byTag.toString()).isEqualTo("completed");

        assertThat(code(api.post("/api/v1/payments", pay(UUID.randomUUID(), alice.id(), tag("nobodyhere"), 100, "api"))))
                .isEqualTo("payee_not_found");
        assertThat(code(api.post("/api/v1/payments", pay(UUID.randomUUID(), alice.id(), phone(alice.phone()), 100, "api"))))
                .isEqualTo("payee_is_payer");
        Response poor = api.post("/api/v1/payments", pay(UUID.randomUUID(), alice.id(), phone(bob.phone()), 5_000, "api"));
        assertThat(poor.status()).isEqualTo(201);
        assertThat(code(poor)).isEqualTo("insufficient_funds");
        assertThat(fixtures.balance(alice.wallet())).isEqualTo(900);

        Response stranger = api.post("/api/v1/payments", pay(UUID.randomUUID(), new org.socialbank.directory.CustomerId(
                UUID.randomUUID()), phone(bob.phone()), 100, "api"));
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.code()).isEqualTo("payer_not_found");
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        Person alice = fixtures.customer("Alice Walker", KycLevel.FULL, 1_000);
        for (String body : List.of("{}", "not json", pay(UUID.randomUUID(), alice.id(), phone("12"), 100, "api"),
                pay(UUID.randomUUID(), alice.id(), "{\"type\":\"fax\",\"value\":\"1\"}", 100, "api"),
                pay(UUID.randomUUID(), alice.id(), "{\"type\":\"handle\",\"value\":\"bob\"}", 100, "api"),
                pay(UUID.randomUUID(), alice.id(), phone("+33612345678"), -5, "api"),
                pay(UUID.randomUUID(), alice.id(), phone("+33612345678"), 100, "API!"),
                pay(UUID.randomUUID(), alice.id(), phone("+33612345678"), 100, "api").replace("EUR", "XXX"),
                pay(UUID.randomUUID(), alice.id(), phone("+33612345678"), 100, "api").replace("100", "1.5"))) {
            Response r = api.post("/api/v1/payments", body);
            assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/v1/payments/" + UUID.randomUUID()).code()).isEqualTo("payment_not_found");
        assertThat(api.get("/api/v1/payments/not-a-uuid").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/claims/" + "x".repeat(43)).code()).isEqualTo("claim_not_found");
        assertThat(new Api("http://127.0.0.1:" + port, null).get("/api/v1/payments/" + UUID.randomUUID()).status())
                .isEqualTo(401);
    }

    static String code(Response r) {
        return r.json().path("code").asString();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        FakeSms fakeSms() {
            return new FakeSms();
        }

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }

        @Bean
        Events events() {
            return new Events();
        }
    }

    /** Every application event, whichever thread published it. */
    static class Events {

        private final List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @EventListener
        void on(Object event) {
            seen.add(event);
        }

        <T> java.util.stream.Stream<T> stream(Class<T> type) {
            return seen.stream().filter(type::isInstance).map(type::cast);
        }
    }
}
