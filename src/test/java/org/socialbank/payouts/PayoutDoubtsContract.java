package org.socialbank.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.payouts.sandbox.SandboxRail;
import org.socialbank.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Payouts in doubt (review 2026-12-07 payout follow-up): sends the rail never received, each
 * resent under a new end-to-end id that the late arrival of an old one cannot pay twice; a fault in
 * one payout's turn that leaves the batch running; clocks that disagree; payouts unfinished too
 * long, marked for review and listed for operations.
 */
abstract class PayoutDoubtsContract extends PayoutsContract {

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    /** The sandbox, recording every send so that a test can make it arrive again later. */
    static class Recording implements InterbankRail {

        record Sent(EndToEndId id, PayoutOrder order) {}

        private final SandboxRail rail;
        private final List<Sent> sent = new CopyOnWriteArrayList<>();

        Recording(SandboxRail rail) {
            this.rail = rail;
        }

        @Override
        public Duration timeout() {
            return rail.timeout();
        }

        @Override
        public RailAnswer send(EndToEndId id, PayoutOrder order) {
            sent.add(new Sent(id, order));
            return rail.send(id, order);
        }

        @Override
        public RailAnswer status(EndToEndId id) {
            return rail.status(id);
        }

        List<EndToEndId> ids() {
            return sent.stream().map(Sent::id).distinct().toList();
        }
    }

    private PayoutWorker node(InterbankRail on) {
        return new PayoutWorker(store, on, durable, events, properties, clock, reviews);
    }

    @Test
    @DisplayName("sends-max sends the rail never received end FAILED, and none of them arriving late pays (review "
            + "2026-12-07 payout follow-up)")
    void sendsMaxRunningOutFailsOnceEveryIdIsRefusedForGood() {
        Iban payee = Iban.of("NL91ABNA0417164300");
        for (int i = 0; i < properties.sendsMax(); i++) {
            rail.troubleNextTo(payee.value(), SandboxRail.Trouble.LOSE); // a rail core outage: all lost
        }
        PayoutOrder order = order(payee, 1500);
        payouts.submit(order);
        Recording recording = new Recording(rail);
        PayoutWorker node = node(recording);
        for (int round = 0; round < 3 * properties.sendsMax() && !status(order).isFinal(); round++) {
            node.sendDue();
            clock.advance(Duration.ofHours(1));
            node.checkDue();
        }

        Payout failed = payouts.payout(order.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo(RailAnswer.NOT_RECEIVED);
        assertThat(outcomes.failed(order.id()))
                .as("the payer's money given back once")
                .hasSize(1);
        assertThat(rail.sends(order.id())).isEqualTo(properties.sendsMax());
        assertThat(recording.ids())
                .as("each send under its own end-to-end id, the first the payout's")
                .hasSize(properties.sendsMax())
                .startsWith(EndToEndId.first(order.id()));

        for (Recording.Sent late : recording.sent) { // the queued sends reach the rail's core after all
            assertThat(rail.send(late.id(), late.order())).isEqualTo(RailAnswer.rejected(RailAnswer.NOT_RECEIVED));
        }
        assertThat(rail.paid(order.id())).as("the beneficiary is not paid too").isZero();
    }

    @Test
    @DisplayName("a lost send that arrives after not_received is refused, and the resend under a new id pays once "
            + "(review 2026-12-07 payout follow-up)")
    void aLateArrivalAfterNotReceivedIsRefusedAndThePayoutIsPaidOnce() {
        Iban payee = Iban.of("BE68539007547034");
        rail.troubleNextTo(payee.value(), SandboxRail.Trouble.LOSE);
        PayoutOrder order = order(payee, 2500);
        payouts.submit(order);
        Recording recording = new Recording(rail);
        PayoutWorker node = node(recording);

        assertThat(node.sendDue()).isOne();
        assertThat(status(order)).isEqualTo(PayoutStatus.UNKNOWN);
        clock.advance(Duration.ofSeconds(2));
        assertThat(node.checkDue()).isOne();
        assertThat(status(order)).as("not received: pending again").isEqualTo(PayoutStatus.PENDING);
        clock.advance(Duration.ofMinutes(1));
        assertThat(node.sendDue()).isOne();
        assertThat(recording.ids()).hasSize(2).doesNotHaveDuplicates();

        Recording.Sent lost = recording.sent.get(0);
        assertThat(rail.send(lost.id(), lost.order()))
                .as("the first send arrives late")
                .isEqualTo(RailAnswer.rejected(RailAnswer.NOT_RECEIVED));
        clock.advance(Duration.ofSeconds(10));
        node.checkDue();
        assertThat(status(order)).isEqualTo(PayoutStatus.SUCCEEDED);
        assertThat(rail.paid(order.id())).isOne();
        assertThat(outcomes.succeeded(order.id())).hasSize(1);
        assertThat(outcomes.failed(order.id())).isEmpty();
    }

    @Test
    @DisplayName("a listener that throws on one payout's outcome leaves the rest of the batch to run, and the "
            + "payout is asked about again once its lease ran out (review 2026-12-07 payout follow-up)")
    void aFaultInOnePayoutsTurnLeavesTheBatchRunning() {
        PayoutOrder refused = order(CLOSED, 610);
        PayoutOrder other = order(CLOSED, 620);
        payouts.submit(refused);
        payouts.submit(other);
        outcomes.refuse(refused.id());
        try {
            assertThatCode(worker::sendDue).doesNotThrowAnyException();
            assertThat(status(other)).isEqualTo(PayoutStatus.FAILED);
            assertThat(outcomes.failed(other.id())).hasSize(1);
            assertThat(status(refused)).as("its outcome rolled back").isEqualTo(PayoutStatus.PENDING);

            Iban payee = Iban.of("CH9300762011623852957");
            rail.troubleNextTo(payee.value(), SandboxRail.Trouble.TIMEOUT);
            PayoutOrder unknown = order(payee, 630);
            payouts.submit(unknown);
            worker.sendDue();
            assertThat(status(unknown)).isEqualTo(PayoutStatus.UNKNOWN);
            clock.advance(properties.lease().plusSeconds(6));
            assertThatCode(worker::checkDue).doesNotThrowAnyException();
            assertThat(status(unknown))
                    .as("checked though the refused one threw first or after")
                    .isEqualTo(PayoutStatus.SUCCEEDED);
            assertThat(status(refused)).isEqualTo(PayoutStatus.PENDING);
        } finally {
            outcomes.accept(refused.id());
        }
        clock.advance(properties.lease().plusSeconds(1));
        worker.checkDue();
        assertThat(status(refused)).isEqualTo(PayoutStatus.FAILED);
        assertThat(outcomes.failed(refused.id())).hasSize(1);
        assertThat(rail.sends(refused.id())).as("asked about, never sent again").isOne();
    }

    @Test
    @DisplayName("a rail whose timeout plus clock-skew-max is not shorter than the lease stops the start (review "
            + "2026-12-07 payout follow-up)")
    void theLeaseMustOutlastTheRailsTimeoutPlusTheClockSkew() {
        Duration longest = properties.lease().minus(properties.clockSkewMax());
        assertThatThrownBy(() -> node(timingOut(longest)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("socialbank.payouts.clock-skew-max")
                .hasMessageContaining("socialbank.payouts.lease");
        assertThatCode(() -> node(timingOut(longest.minusMillis(1)))).doesNotThrowAnyException();
    }

    private InterbankRail timingOut(Duration timeout) {
        return new Recording(rail) {
            @Override
            public Duration timeout() {
                return timeout;
            }
        };
    }

    @Test
    @DisplayName("a payout unfinished longer than review-after is marked for review once, counted, and listed for "
            + "payments:operations only (review 2026-12-07 payout follow-up)")
    void aPayoutUnfinishedTooLongIsMarkedAndListedForOperations() {
        PayoutOrder order = order(DE, 4200);
        payouts.submit(order);
        double counted = meters.counter(PayoutReviews.MARKED).count();
        clock.advance(properties.reviewAfter().minusSeconds(1));
        reviews.markStale();
        assertThat(payouts.payout(order.id()).orElseThrow().needsReview())
                .as("not yet")
                .isFalse();

        clock.advance(Duration.ofSeconds(2));
        assertThat(reviews.markStale()).isPositive();
        Payout marked = payouts.payout(order.id()).orElseThrow();
        assertThat(marked.needsReview()).isTrue();
        assertThat(marked.reviewSince()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(meters.counter(PayoutReviews.MARKED).count()).isGreaterThan(counted);
        clock.advance(Duration.ofSeconds(5));
        reviews.markStale();
        assertThat(payouts.payout(order.id()).orElseThrow().reviewSince())
                .as("marked once")
                .isEqualTo(marked.reviewSince());

        Api operations = new Api("http://127.0.0.1:" + port, OPERATIONS_TOKEN);
        Api.Response listed = operations.get("/api/v1/payouts?status=needs_review&limit=500");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode mine = listed(listed, order.id());
        assertThat(mine).as(listed.toString()).isNotNull();
        assertThat(mine.path("status").asString()).isEqualTo("pending");
        assertThat(mine.path("needsReview").asBoolean()).isTrue();
        assertThat(mine.path("to").asString()).isEqualTo(DE.masked());
        assertThat(listed.body()).doesNotContain(DE.value());

        Api.Response refused = new Api("http://127.0.0.1:" + port, APP_TOKEN).get("/api/v1/payouts?status=pending");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        for (Map.Entry<String, String> bad : Map.of(
                        "/api/v1/payouts?status=lost", "status_not_valid",
                        "/api/v1/payouts", "status_not_valid",
                        "/api/v1/payouts?status=pending&limit=0", "limit_not_valid",
                        "/api/v1/payouts?status=pending&limit=501", "limit_not_valid")
                .entrySet()) {
            Api.Response answer = operations.get(bad.getKey());
            assertThat(answer.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.code()).isEqualTo(bad.getValue());
        }

        worker.sendDue();
        clock.advance(Duration.ofSeconds(10));
        worker.checkDue();
        assertThat(status(order)).isEqualTo(PayoutStatus.SUCCEEDED);
        assertThat(listed(operations.get("/api/v1/payouts?status=needs_review&limit=500"), order.id()))
                .as("ended: no longer in doubt")
                .isNull();
        JsonNode settled = listed(operations.get("/api/v1/payouts?status=SUCCEEDED&limit=500"), order.id());
        assertThat(settled).isNotNull();
        assertThat(settled.path("needsReview").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("a payout stored with check digits 01, which MOD 97 passes and an earlier version accepted, reads "
            + "back, lists and is sent (reread 2026-12-08 payouts)")
    void aPayoutStoredWithCheckDigitsOneStillReadsBack() {
        String stored = "DE01370400440532013032";
        PayoutOrder order = order(DE, 640);
        payouts.submit(order);
        assertThat(jdbc.sql("UPDATE payouts SET account_number = ? WHERE id = ?")
                        .params(stored, order.id().value())
                        .update())
                .isOne();

        Payout read = payouts.payout(order.id()).orElseThrow();
        assertThat(read.to()).isEqualTo(Iban.stored(stored));
        assertThat(payouts.inState(PayoutStatus.PENDING, Payouts.LIST_MAX))
                .extracting(Payout::id)
                .contains(order.id());
        Api.Response listed =
                new Api("http://127.0.0.1:" + port, OPERATIONS_TOKEN).get("/api/v1/payouts?status=pending&limit=500");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed(listed, order.id()).path("to").asString()).isEqualTo("DE01 **** **** 3032");

        worker.sendDue();
        assertThat(rail.sends(order.id())).as("sent, not retried for ever").isOne();
        clock.advance(Duration.ofSeconds(10));
        worker.checkDue();
        assertThat(status(order)).isEqualTo(PayoutStatus.SUCCEEDED);
    }

    private static JsonNode listed(Api.Response response, PayoutId id) {
        for (JsonNode each : response.json().path("payouts")) {
            if (each.path("id").asString().equals(id.toString())) {
                return each;
            }
        }
        return null;
    }

    private PayoutStatus status(PayoutOrder order) {
        return payouts.payout(order.id()).orElseThrow().status();
    }
}
