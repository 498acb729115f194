package org.socialbank.payments.web;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.payments.Payments;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.Await;
import org.socialbank.support.FakeSms;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.socialbank.support.RecordedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the payments' HTTP tests share: a full application on a random port with fakes for what
 * is outside the bank (SMS), a clock the tests move, every event published, and a ledger that
 * must stay balanced after every test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false",
            "socialbank.payments.risk.burst-payments-max=1000",
            "socialbank.payments.risk.new-payees-per-day-max=1000",
            "socialbank.payments.risk.limits.basic.EUR.per-transaction=150",
            "socialbank.payments.risk.limits.basic.EUR.per-day=200",
            "socialbank.payments.risk.limits.basic.EUR.per-month=300",
            "socialbank.payments.risk.channel-limits.x.EUR.per-transaction=30",
            "socialbank.payments.risk.channel-limits.x.EUR.per-day=50",
            "socialbank.payouts.sandbox.fail-accounts=DE02120300000000202051",
            "socialbank.notifications.budgets.per-destination-per-day=6",
            "socialbank.notifications.budgets.per-customer-per-day=8",
            "socialbank.notifications.budgets.deny-prefixes=+881,+33699"
        })
@Import(PaymentsTestBase.Fakes.class)
abstract class PaymentsTestBase {

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
    Payments payments;

    @Autowired
    FakeSms sms;

    @Autowired
    FakeEmail email;

    @Autowired
    MutableClock clock;

    @Autowired
    RecordedEvents events;

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

    static String code(Response r) {
        return r.json().path("code").asString();
    }

    static String status(Response r) {
        return r.json().path("status").asString();
    }

    /** The path of an absolute URL of this bank's pages. */
    static String path(String url) {
        return url.substring(url.indexOf("/", "http://".length()));
    }

    /** The token of a claim link. */
    static String token(String claimUrl) {
        return claimUrl.substring(claimUrl.lastIndexOf('/') + 1);
    }

    /** Polls until the condition holds or the deadline passes (for work the background workers do). */
    static void eventually(java.util.function.BooleanSupplier condition, String what) {
        Await.until(condition, what);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        FakeSms fakeSms() {
            return new FakeSms();
        }

        @Bean
        FakeEmail fakeEmail() {
            return new FakeEmail();
        }

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }

        @Bean
        RecordedEvents events() {
            return new RecordedEvents();
        }
    }
}
