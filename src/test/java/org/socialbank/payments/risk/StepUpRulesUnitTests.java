package org.socialbank.payments.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialbank.payments.risk.Attempts.attempt;
import static org.socialbank.payments.risk.Attempts.confirmed;
import static org.socialbank.payments.risk.Attempts.sent;
import static org.socialbank.payments.risk.Attempts.sentToNewPayee;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.KycLevel;

/** When a payment within its limits waits for a confirmation, and that limits always win. */
class StepUpRulesUnitTests {

    final PaymentPolicy utc = new PaymentPolicy(RiskProperties.defaults(), ZoneOffset.UTC);

    @Test
    void aPaymentAboveTheThresholdIsHeld() {
        assertThat(reason(utc.assess(attempt().amount(50_001, "EUR").build(), new FakeHistory())))
                .isEqualTo("above_threshold");
        assertThat(utc.assess(attempt().amount(50_000, "EUR").build(), new FakeHistory()))
                .isInstanceOf(Allow.class);
        assertThat(reason(utc.assess(attempt().amount(500_000_001L, "IRR").build(), new FakeHistory())))
                .isEqualTo("above_threshold");
    }

    @Test
    void aPaymentToANewPayeeIsHeldAboveASmallerThreshold() {
        assertThat(reason(utc.assess(attempt().newPayee().amount(10_001, "EUR").build(), new FakeHistory())))
                .isEqualTo("new_payee_above_threshold");
        assertThat(utc.assess(attempt().newPayee().amount(10_000, "EUR").build(), new FakeHistory()))
                .isInstanceOf(Allow.class);
        assertThat(utc.assess(attempt().amount(10_001, "EUR").build(), new FakeHistory()))
                .isInstanceOf(Allow.class);
    }

    @Test
    void theFourthNewPayeeOfALocalDayIsHeld() {
        PaymentPolicy tehran = new PaymentPolicy(RiskProperties.defaults(), ZoneId.of("Asia/Tehran"));
        FakeHistory history = new FakeHistory()
                .add(sentToNewPayee(1_000, "EUR", "2026-06-14T20:29:00Z")) // 23:59 the day before in Tehran
                .add(sentToNewPayee(1_000, "EUR", "2026-06-14T20:30:00Z"))
                .add(sentToNewPayee(1_000, "EUR", "2026-06-15T01:00:00Z"));
        Attempt third = attempt().newPayee().at("2026-06-15T08:00:00Z").build();

        assertThat(tehran.assess(third, history)).isInstanceOf(Allow.class);
        history.add(sentToNewPayee(1_000, "EUR", "2026-06-15T02:00:00Z"));
        Decision fourth = tehran.assess(third, history);
        assertThat(reason(fourth)).isEqualTo("many_new_payees");
        assertThat(fourth.checks())
                .filteredOn(c -> c.rule().equals("many_new_payees"))
                .singleElement()
                .extracting(Check::detail)
                .asString()
                .startsWith("newPayeesToday=4 max=3");
        assertThat(tehran.assess(attempt().at("2026-06-15T08:00:00Z").build(), history))
                .as("a known payee")
                .isInstanceOf(Allow.class);
    }

    @Test
    void theSixthPaymentWithinTenMinutesIsHeld() {
        FakeHistory history = new FakeHistory();
        for (int minute = 1; minute <= 5; minute++) {
            history.add(sent("api", 100, "EUR", "2026-06-15T09:5" + minute + ":00Z"));
        }

        assertThat(reason(utc.assess(attempt().at("2026-06-15T10:00:00Z").build(), history)))
                .isEqualTo("payment_burst");
        assertThat(utc.assess(attempt().at("2026-06-15T10:01:01Z").build(), history))
                .as("the first of the five left the window")
                .isInstanceOf(Allow.class);
    }

    @Test
    @DisplayName("security review #4: every payment of a new channel is held, a day long and until one was confirmed")
    void everyPaymentOfANewlyLinkedChannelIsHeldUntilOneIsConfirmedAndForADay() {
        Instant linkedAt = Instant.parse("2026-06-15T08:00:00Z");
        FakeHistory history = new FakeHistory().add(confirmed("telegram", 1_000, "EUR", "2026-06-15T09:00:00Z"));
        Attempts onX = attempt().channel("x").linkedAt(linkedAt);

        assertThat(reason(utc.assess(onX.at("2026-06-15T10:00:00Z").build(), history)))
                .as("paying on another channel does not count")
                .isEqualTo("first_after_new_channel");
        history.add(sent("x", 1_000, "EUR", "2026-06-15T09:30:00Z"));
        assertThat(reason(utc.assess(onX.at("2026-06-15T10:00:00Z").build(), history)))
                .as("a payment sent or waiting for its confirmation proves nothing")
                .isEqualTo("first_after_new_channel");
        assertThat(reason(utc.assess(onX.at("2026-06-17T08:00:00Z").build(), history)))
                .as("two days later, still nothing confirmed")
                .isEqualTo("first_after_new_channel");
        history.add(confirmed("x", 1_000, "EUR", "2026-06-15T09:40:00Z"));
        assertThat(reason(utc.assess(onX.at("2026-06-15T10:00:00Z").build(), history)))
                .as("confirmed, but linked less than a day ago")
                .isEqualTo("first_after_new_channel");
        Decision later = utc.assess(onX.at("2026-06-16T08:00:00Z").build(), history);
        assertThat(later).as("a day after linking, with one confirmed").isInstanceOf(Allow.class);
        assertThat(later.checks())
                .filteredOn(c -> c.rule().equals("first_after_new_channel"))
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("confirmedSinceLink=1"));
        assertThat(utc.assess(attempt().channel("api").build(), new FakeHistory()))
                .isInstanceOf(Allow.class);
        PaymentPolicy timeOnly = new PaymentPolicy(
                new RiskProperties(null, null, null, 3, 5, Duration.ofMinutes(10), Duration.ofHours(24), 0),
                ZoneOffset.UTC);
        assertThat(timeOnly.assess(onX.at("2026-06-16T08:00:00Z").build(), new FakeHistory()))
                .as("new-channel-confirmations-min=0: only the day after linking is held")
                .isInstanceOf(Allow.class);
    }

    @Test
    @DisplayName("a chat's confirmations are read only when they can decide the new-chat rule")
    void theConfirmationsAreAskedOnlyWhenTheyCanDecide() {
        Instant linkedAt = Instant.parse("2026-06-15T09:00:00Z");
        Attempts onX = attempt().channel("x").linkedAt(linkedAt);
        FakeHistory history = new FakeHistory();

        Decision within = utc.assess(onX.at("2026-06-15T10:00:00Z").build(), history);
        assertThat(reason(within)).isEqualTo("first_after_new_channel");
        assertThat(history.confirmationsAsked)
                .as("within the window it is held whatever they are")
                .isZero();
        assertThat(within.checks())
                .filteredOn(c -> c.rule().equals("first_after_new_channel"))
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("confirmedSinceLink=unasked-within-window"));

        assertThat(reason(utc.assess(onX.at("2026-06-17T10:00:00Z").build(), history)))
                .isEqualTo("first_after_new_channel");
        assertThat(history.confirmationsAsked)
                .as("past the window, with one confirmation needed")
                .isEqualTo(1);

        PaymentPolicy timeOnly = new PaymentPolicy(
                new RiskProperties(null, null, null, 3, 5, Duration.ofMinutes(10), Duration.ofHours(24), 0),
                ZoneOffset.UTC);
        FakeHistory untouched = new FakeHistory();
        assertThat(timeOnly.assess(onX.at("2026-06-17T10:00:00Z").build(), untouched))
                .isInstanceOf(Allow.class);
        assertThat(untouched.confirmationsAsked)
                .as("new-channel-confirmations-min=0: they can never decide")
                .isZero();
    }

    @Test
    void whenSeveralRulesFireTheReasonIsTheFirstAndTheAuditHasThemAll() {
        FakeHistory history = new FakeHistory();
        for (int i = 0; i < 5; i++) {
            history.add(sentToNewPayee(100, "EUR", "2026-06-15T09:55:00Z"));
        }

        Decision decision =
                utc.assess(attempt().newPayee().amount(60_000, "EUR").build(), history);

        assertThat(reason(decision)).isEqualTo("above_threshold");
        assertThat(decision.checks())
                .filteredOn(Check::fired)
                .extracting(Check::rule)
                .containsExactly("above_threshold", "new_payee_above_threshold", "many_new_payees", "payment_burst");
    }

    @Test
    void aPaymentOverALimitIsRejectedNeverHeld() {
        FakeHistory burst = new FakeHistory();
        for (int i = 0; i < 5; i++) {
            burst.add(sentToNewPayee(100, "EUR", "2026-06-15T09:55:00Z"));
        }
        Attempt overTheClaimOnlyLimit = attempt()
                .kyc(KycLevel.CLAIM_ONLY)
                .newPayee()
                .channel("x")
                .linkedAt(Instant.parse("2026-06-15T09:00:00Z"))
                .amount(20_000, "EUR")
                .build();

        Decision decision = utc.assess(overTheClaimOnlyLimit, burst);

        assertThat(decision).isInstanceOf(Reject.class);
        assertThat(((Reject) decision).code()).isEqualTo("exceeds_transaction_limit");
        assertThat(decision.checks()).extracting(Check::outcome).doesNotContain("step_up");
        assertThat(decision.checks()).extracting(Check::rule).doesNotContain("above_threshold", "payment_burst");
    }

    private static String reason(Decision decision) {
        assertThat(decision).isInstanceOf(StepUp.class);
        return ((StepUp) decision).reason();
    }
}
