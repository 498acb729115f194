package org.socialbank.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.payouts.sandbox.SandboxRail;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.support.Api;
import org.socialbank.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Payouts on a real store and the sandbox rail, driven by calling the worker's rounds (the
 * scheduled one is off) while a {@link MutableClock} stands for the passing time.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.payouts.worker-enabled=false",
            "socialbank.payouts.check-interval=2s",
            "socialbank.payouts.sandbox.settle-after=5s",
            "socialbank.web.secure-cookies=false",
            "socialbank.payouts.sandbox.fail-accounts=GB29 NWBK 6016 1331 9268 19,987654321",
            "socialbank.api.clients.operations.token=" + PayoutsContract.OPERATIONS_TOKEN,
            "socialbank.api.clients.operations.scopes=payments:operations",
            "socialbank.api.clients.app.token=" + PayoutsContract.APP_TOKEN,
            "socialbank.api.clients.app.scopes=payments:read,payments:write"
        })
@Import(PayoutsContract.Fakes.class)
abstract class PayoutsContract {

    static final String OPERATIONS_TOKEN = "payout-operations-0123456789";
    static final String APP_TOKEN = "payout-payments-app-0123456789";
    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    static final Iban DE = Iban.of("DE89370400440532013000");
    static final Iban CLOSED = Iban.of("GB29NWBK60161331926819");

    @LocalServerPort
    int port;

    @Autowired
    Payouts payouts;

    @Autowired
    PayoutWorker worker;

    @Autowired
    SandboxRail rail;

    @Autowired
    MutableClock clock;

    @Autowired
    Outcomes outcomes;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcPayouts store;

    @Autowired
    DurableTransactions durable;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PayoutsProperties properties;

    @Autowired
    PayoutReviews reviews;

    /** Settles whatever earlier tests left, so that queued sandbox troubles hit this test's payout. */
    @BeforeEach
    void drain() {
        for (int round = 0; round < 10 && worker.sendDue() + worker.checkDue() > 0; round++) {
            clock.advance(Duration.ofHours(1));
        }
        clock.advance(Duration.ofHours(1));
        worker.checkDue();
    }

    static PayoutOrder order(ExternalAccount to, long amountMinor) {
        PayoutId id = PayoutId.random();
        return new PayoutOrder(id, to, "Bob Brown", amountMinor, EUR, "payment-" + id);
    }

    @Test
    void submitRecordsAPendingPayoutOnceByIdAndRefusesTheIdForAnotherOrder() {
        PayoutOrder order = order(DE, 1250);
        Payout first = payouts.submit(order);
        assertThat(first.status()).isEqualTo(PayoutStatus.PENDING);
        assertThat(first.to()).isEqualTo(DE);
        assertThat(first.createdAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(payouts.submit(order)).isEqualTo(first);
        assertThat(payouts.payout(order.id())).contains(first);

        PayoutOrder other = new PayoutOrder(order.id(), DE, "Bob Brown", 1251, EUR, order.reference());
        assertThatThrownBy(() -> payouts.submit(other)).isInstanceOf(IllegalArgumentException.class);
        assertThat(payouts.payout(PayoutId.random())).isEmpty();
    }

    @Test
    void submitJoinsTheCallersTransaction() {
        PayoutOrder order = order(DE, 900);
        transactions.executeWithoutResult(tx -> {
            payouts.submit(order);
            tx.setRollbackOnly(); // the caller's debit failed: no payout either
        });
        assertThat(payouts.payout(order.id())).isEmpty();
    }

    @Test
    void theWorkerSendsAndTheJanitorSeesItSettleOnceTheClockPassesSettleAfter() {
        PayoutOrder order = order(DE, 1250);
        payouts.submit(order);
        assertThat(worker.sendDue()).isOne();
        assertThat(rail.sends(order.id())).isOne();
        assertThat(status(order)).isEqualTo(PayoutStatus.PENDING);

        clock.advance(Duration.ofSeconds(3));
        worker.checkDue();
        assertThat(status(order)).as("accepted, not settled yet").isEqualTo(PayoutStatus.PENDING);
        assertThat(outcomes.succeeded(order.id())).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        worker.checkDue();
        assertThat(status(order)).isEqualTo(PayoutStatus.SUCCEEDED);
        assertThat(outcomes.succeeded(order.id())).containsExactly(new PayoutSucceeded(order.id(), order.reference()));
        assertThat(rail.sends(order.id())).as("settled without a second send").isOne();
    }

    @Test
    void aFailListedAccountFailsWithItsReasonAndAnEvent() {
        PayoutOrder order = order(CLOSED, 500);
        payouts.submit(order);
        worker.sendDue();
        Payout failed = payouts.payout(order.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo(SandboxRail.ACCOUNT_CLOSED);
        assertThat(outcomes.failed(order.id()))
                .containsExactly(new PayoutFailed(order.id(), order.reference(), SandboxRail.ACCOUNT_CLOSED));
        clock.advance(Duration.ofHours(1));
        assertThat(worker.sendDue() + worker.checkDue())
                .as("a final payout is left alone")
                .isZero();
    }

    @Test
    void anUnknownPayoutIsReCheckedByTheJanitorNotSentAgain() {
        rail.troubleNext(SandboxRail.Trouble.TIMEOUT);
        PayoutOrder order = order(DE, 700);
        payouts.submit(order);
        worker.sendDue();
        Payout unknown = payouts.payout(order.id()).orElseThrow();
        assertThat(unknown.status()).isEqualTo(PayoutStatus.UNKNOWN);
        assertThat(unknown.failureReason()).isEqualTo("timeout");

        clock.advance(Duration.ofSeconds(6));
        assertThat(worker.sendDue()).isZero();
        worker.checkDue();
        assertThat(status(order)).isEqualTo(PayoutStatus.SUCCEEDED);
        assertThat(rail.sends(order.id())).isOne();
        assertThat(outcomes.succeeded(order.id())).hasSize(1);
    }

    @Test
    void aPayoutTheRailNeverReceivedIsSentAgainWithBackoff() {
        rail.troubleNext(SandboxRail.Trouble.LOSE);
        PayoutOrder order = order(DE, 800);
        payouts.submit(order);
        worker.sendDue();
        assertThat(status(order)).isEqualTo(PayoutStatus.UNKNOWN);

        clock.advance(Duration.ofSeconds(2));
        worker.checkDue();
        assertThat(status(order)).as("not received: pending again").isEqualTo(PayoutStatus.PENDING);
        assertThat(worker.sendDue()).as("the backoff has not passed").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(worker.sendDue()).isOne();
        assertThat(rail.sends(order.id())).isEqualTo(2);
        clock.advance(Duration.ofSeconds(10));
        worker.checkDue();
        assertThat(status(order)).isEqualTo(PayoutStatus.SUCCEEDED);
    }

    @Test
    @DisplayName("security review #17: an answer that comes after the lease ran out is left to the janitor's check")
    void anAnswerAfterTheLeaseRanOutIsNotRecordedAndTheJanitorsCheckIs() {
        PayoutOrder order = order(CLOSED, 900);
        payouts.submit(order);
        InterbankRail slow = new InterbankRail() {
            @Override
            public Duration timeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public RailAnswer send(EndToEndId id, PayoutOrder sent) {
                RailAnswer answer = rail.send(id, sent);
                clock.advance(properties.lease().plusSeconds(1)); // the answer comes after the lease ran out
                return answer;
            }

            @Override
            public RailAnswer status(EndToEndId id) {
                return rail.status(id);
            }
        };
        PayoutWorker slowNode = new PayoutWorker(store, slow, durable, events, properties, clock, reviews);

        assertThat(slowNode.sendDue()).isOne();
        assertThat(status(order)).as("the late answer is not recorded").isEqualTo(PayoutStatus.PENDING);
        assertThat(outcomes.failed(order.id())).isEmpty();
        worker.checkDue();
        assertThat(status(order)).isEqualTo(PayoutStatus.FAILED);
        assertThat(outcomes.failed(order.id())).hasSize(1);
        assertThat(rail.sends(order.id())).isOne();
    }

    @Test
    @DisplayName("security review #17: a rail whose timeout is not shorter than the lease stops the start")
    void aRailWhoseTimeoutIsNotShorterThanTheLeaseIsRefused() {
        InterbankRail sluggish = new InterbankRail() {
            @Override
            public Duration timeout() {
                return properties.lease();
            }

            @Override
            public RailAnswer send(EndToEndId id, PayoutOrder sent) {
                return rail.send(id, sent);
            }

            @Override
            public RailAnswer status(EndToEndId id) {
                return rail.status(id);
            }
        };
        assertThatThrownBy(() -> new PayoutWorker(store, sluggish, durable, events, properties, clock, reviews))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("socialbank.payouts.lease");
    }

    @Test
    void twoWorkersRacingNeverSendAPayoutTwice() throws Exception {
        List<PayoutOrder> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            PayoutOrder order = order(DE, 100 + i);
            payouts.submit(order);
            orders.add(order);
        }
        List<PayoutWorker> workers =
                List.of(worker, new PayoutWorker(store, rail, durable, events, properties, clock, reviews));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (PayoutWorker each : workers) {
                sent.add(pool.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int round = 0; round < 5; round++) {
                        n += each.sendDue();
                        each.checkDue();
                    }
                    return n;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : sent) {
                total += f.get();
            }
            assertThat(total).isEqualTo(orders.size());
        } finally {
            pool.shutdownNow();
        }
        clock.advance(Duration.ofSeconds(10));
        workers.get(1).checkDue();
        for (PayoutOrder order : orders) {
            assertThat(rail.sends(order.id())).as(order.id().toString()).isOne();
            assertThat(status(order)).isEqualTo(PayoutStatus.SUCCEEDED);
            assertThat(outcomes.succeeded(order.id())).hasSize(1);
        }
    }

    @Test
    void theDevEndpointMakesTheNextPayoutFail() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> state = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/dev/payouts.json"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
        JsonNode json = Api.json().readTree(state.body());
        HttpResponse<String> refused = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/dev/payouts/fail-next"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as("no CSRF token").isEqualTo(403);
        HttpResponse<String> told = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/dev/payouts/fail-next"))
                        .header(
                                json.path("csrfHeader").asString(),
                                json.path("csrfToken").asString())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(told.statusCode()).as(told.body()).isEqualTo(200);
        assertThat(Api.json().readTree(told.body()).path("failNextQueued").asInt())
                .isOne();

        PayoutOrder order = order(DE, 300);
        payouts.submit(order);
        worker.sendDue();
        assertThat(payouts.payout(order.id()).orElseThrow().failureReason()).isEqualTo(SandboxRail.ACCOUNT_CLOSED);
        assertThat(outcomes.failed(order.id())).hasSize(1);
    }

    private PayoutStatus status(PayoutOrder order) {
        return payouts.payout(order.id()).orElseThrow().status();
    }

    /** The events, as a listener in the recording transaction sees them. */
    static class Outcomes {

        private final List<Object> events = new CopyOnWriteArrayList<>();
        private final java.util.Set<PayoutId> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @EventListener
        void on(PayoutSucceeded event) {
            events.add(event);
        }

        @EventListener
        void on(PayoutFailed event) {
            if (refused.contains(event.id())) {
                throw new IllegalStateException("a listener refused the failure of " + event.id());
            }
            events.add(event);
        }

        /** Makes the listener throw on this payout's failure, as a faulty listener would. */
        void refuse(PayoutId id) {
            refused.add(id);
        }

        void accept(PayoutId id) {
            refused.remove(id);
        }

        List<PayoutSucceeded> succeeded(PayoutId id) {
            return events.stream()
                    .filter(e -> e instanceof PayoutSucceeded s && s.id().equals(id))
                    .map(PayoutSucceeded.class::cast)
                    .toList();
        }

        List<PayoutFailed> failed(PayoutId id) {
            return events.stream()
                    .filter(e -> e instanceof PayoutFailed f && f.id().equals(id))
                    .map(PayoutFailed.class::cast)
                    .toList();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        @Primary
        MutableClock mutableClock() {
            // sub-microsecond digits: stored times must compare equal to the clock's, cut to micros
            return new MutableClock(Instant.now()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .plusNanos(500_999));
        }

        @Bean
        Outcomes payoutOutcomes() {
            return new Outcomes();
        }
    }
}
