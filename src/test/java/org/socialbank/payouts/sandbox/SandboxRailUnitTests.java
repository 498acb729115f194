package org.socialbank.payouts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.payouts.EndToEndId;
import org.socialbank.payouts.Iban;
import org.socialbank.payouts.IndianAccount;
import org.socialbank.payouts.PayoutId;
import org.socialbank.payouts.PayoutOrder;
import org.socialbank.payouts.RailAnswer;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.support.MutableClock;

class SandboxRailUnitTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SandboxRail rail =
            new SandboxRail(clock, Duration.ofSeconds(5), List.of("gb29 nwbk 6016 1331 9268 19", "987654321"));

    private static PayoutOrder order(String iban) {
        return new PayoutOrder(PayoutId.random(), Iban.of(iban), "Bob Brown", 1250, CurrencyCode.of("EUR"), "p-1");
    }

    private RailAnswer send(PayoutOrder order) {
        return rail.send(EndToEndId.first(order.id()), order);
    }

    @Test
    @DisplayName("an id once answered not_received is refused for good: a late send pays nothing (review 2026-12-07 "
            + "payout follow-up)")
    void anIdAnsweredNotReceivedIsRefusedForGoodAndANewIdPaysOnce() {
        rail.troubleNext(SandboxRail.Trouble.LOSE);
        PayoutOrder order = order("DE89370400440532013000");
        EndToEndId first = EndToEndId.first(order.id());
        assertThat(rail.send(first, order)).isInstanceOf(RailAnswer.Unknown.class);
        assertThat(rail.status(first)).isEqualTo(RailAnswer.rejected(RailAnswer.NOT_RECEIVED));

        assertThat(rail.send(first, order))
                .as("the lost send arrives late: refused")
                .isEqualTo(RailAnswer.rejected(RailAnswer.NOT_RECEIVED));
        assertThat(rail.paid(order.id())).isZero();
        EndToEndId second = EndToEndId.random();
        assertThat(rail.send(second, order)).isEqualTo(RailAnswer.accepted());
        assertThat(rail.send(first, order)).isEqualTo(RailAnswer.rejected(RailAnswer.NOT_RECEIVED));
        clock.advance(Duration.ofSeconds(5));
        assertThat(rail.status(second)).isEqualTo(RailAnswer.settled());
        assertThat(rail.status(first)).isEqualTo(RailAnswer.rejected(RailAnswer.NOT_RECEIVED));
        assertThat(rail.paid(order.id())).isOne();
        assertThat(rail.sends(order.id())).isEqualTo(4);
    }

    @Test
    void acceptsThenSettlesOnceTheClockPassesTheDelay() {
        PayoutOrder order = order("DE89370400440532013000");
        assertThat(send(order)).isEqualTo(RailAnswer.accepted());
        clock.advance(Duration.ofMillis(4999));
        assertThat(rail.status(EndToEndId.first(order.id()))).isEqualTo(RailAnswer.accepted());
        clock.advance(Duration.ofMillis(1));
        assertThat(rail.status(EndToEndId.first(order.id()))).isEqualTo(RailAnswer.settled());
        assertThat(send(order)).as("idempotent by id").isEqualTo(RailAnswer.settled());
        assertThat(rail.sends(order.id())).isEqualTo(2);
    }

    @Test
    void rejectsFailListedAccountsAndTheNextOneWhenTold() {
        PayoutOrder listed = order("GB29NWBK60161331926819");
        assertThat(send(listed)).isEqualTo(RailAnswer.rejected(SandboxRail.ACCOUNT_CLOSED));
        PayoutOrder indian = new PayoutOrder(
                PayoutId.random(),
                new IndianAccount("987654321", "HDFC0001234"),
                "Ravi",
                100,
                CurrencyCode.of("INR"),
                "p-2");
        assertThat(send(indian)).isEqualTo(RailAnswer.rejected(SandboxRail.ACCOUNT_CLOSED));

        rail.troubleNext(SandboxRail.Trouble.FAIL);
        assertThat(rail.troublesQueued()).isOne();
        PayoutOrder next = order("NL91ABNA0417164300");
        assertThat(send(next)).isEqualTo(RailAnswer.rejected(SandboxRail.ACCOUNT_CLOSED));
        assertThat(rail.status(EndToEndId.first(next.id()))).isEqualTo(RailAnswer.rejected(SandboxRail.ACCOUNT_CLOSED));
        assertThat(send(order("NL91ABNA0417164300"))).isEqualTo(RailAnswer.accepted());
    }

    @Test
    void aTimeoutKeepsThePayoutAndALostOneIsNotReceived() {
        rail.troubleNext(SandboxRail.Trouble.TIMEOUT);
        rail.troubleNext(SandboxRail.Trouble.LOSE);
        PayoutOrder timedOut = order("DE89370400440532013000");
        PayoutOrder lost = order("DE89370400440532013000");
        assertThat(send(timedOut)).isInstanceOf(RailAnswer.Unknown.class);
        assertThat(send(lost)).isInstanceOf(RailAnswer.Unknown.class);
        assertThat(rail.status(EndToEndId.first(timedOut.id()))).isEqualTo(RailAnswer.accepted());
        assertThat(rail.status(EndToEndId.first(lost.id()))).isEqualTo(RailAnswer.rejected(RailAnswer.NOT_RECEIVED));
        assertThat(rail.status(EndToEndId.random())).isEqualTo(RailAnswer.rejected(RailAnswer.NOT_RECEIVED));
    }

    @Test
    void aTroubleBoundToAnAccountIsTakenOnlyBySendsToItAndBeforeOnesForAny() {
        rail.troubleNext(SandboxRail.Trouble.FAIL);
        rail.troubleNextTo("de62 3704 0044 0532 0137 77", SandboxRail.Trouble.LOSE);
        rail.troubleNextTo("DE62370400440532013777", SandboxRail.Trouble.TIMEOUT);
        assertThat(rail.troublesQueued()).isEqualTo(3);
        assertThat(rail.troublesQueued("DE62370400440532013777")).isEqualTo(2);

        PayoutOrder other = order("DE89370400440532013000");
        assertThat(send(other))
                .as("another payee takes only the trouble for any account")
                .isEqualTo(RailAnswer.rejected(SandboxRail.ACCOUNT_CLOSED));
        assertThat(rail.troublesQueued("DE62370400440532013777")).isEqualTo(2);

        PayoutOrder lost = order("DE62370400440532013777");
        assertThat(send(lost)).isInstanceOf(RailAnswer.Unknown.class);
        assertThat(rail.status(EndToEndId.first(lost.id()))).isEqualTo(RailAnswer.rejected(RailAnswer.NOT_RECEIVED));
        PayoutOrder timedOut = order("DE62370400440532013777");
        assertThat(send(timedOut)).isInstanceOf(RailAnswer.Unknown.class);
        assertThat(rail.status(EndToEndId.first(timedOut.id()))).isEqualTo(RailAnswer.accepted());
        assertThat(rail.troublesQueued()).isZero();
        assertThat(send(order("DE62370400440532013777"))).isEqualTo(RailAnswer.accepted());
    }
}
