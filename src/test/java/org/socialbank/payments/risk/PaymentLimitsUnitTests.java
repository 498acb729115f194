package org.socialbank.payments.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialbank.payments.risk.Attempts.attempt;
import static org.socialbank.payments.risk.Attempts.sent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.KycLevel;

/** Limits per transaction, day and month, per KYC level and channel, and when each resets. */
class PaymentLimitsUnitTests {

    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    final RiskProperties defaults = RiskProperties.defaults();
    final PaymentPolicy utc = new PaymentPolicy(defaults, ZoneOffset.UTC);

    @Test
    void rejectsAPaymentOverTheTransactionLimitOfTheKycLevel() {
        Reject reject = (Reject) utc.assess(attempt().amount(100_001, "EUR").build(), new FakeHistory());

        assertThat(reject.code()).isEqualTo("exceeds_transaction_limit");
        assertThat(reject.limitMinor()).isEqualTo(100_000);
        assertThat(reject.usedMinor()).isZero();
        assertThat(reject.resetsAt()).as("waiting does not help").isEmpty();
        assertThat(utc.assess(attempt().amount(100_000, "EUR").build(), new FakeHistory()))
                .isNotInstanceOf(Reject.class);
    }

    @Test
    void aClaimOnlyWalletHasLowLimits() {
        Decision small = utc.assess(
                attempt().kyc(KycLevel.CLAIM_ONLY).amount(15_000, "EUR").build(), new FakeHistory());
        Decision over = utc.assess(
                attempt().kyc(KycLevel.CLAIM_ONLY).amount(15_001, "EUR").build(), new FakeHistory());
        Decision full =
                utc.assess(attempt().kyc(KycLevel.FULL).amount(15_001, "EUR").build(), new FakeHistory());

        assertThat(small).isInstanceOf(Allow.class);
        assertThat(((Reject) over).code()).isEqualTo("exceeds_transaction_limit");
        assertThat(((Reject) over).limitMinor()).isEqualTo(15_000);
        assertThat(full).isInstanceOf(Allow.class);
    }

    @Test
    void theDailyLimitCountsTheLocalDayAndResetsAtTheNextLocalMidnightInTehran() {
        PaymentPolicy tehran = new PaymentPolicy(defaults, TEHRAN);
        // 2026-03-10T22:00Z is 01:30 on 11 March in Tehran (+03:30): the local day began at 20:30Z
        FakeHistory history = new FakeHistory()
                .add(sent("api", 90_000, "EUR", "2026-03-10T20:29:59Z")) // 23:59:59 on 10 March: yesterday
                .add(sent("api", 90_000, "EUR", "2026-03-10T20:30:00Z"))
                .add(sent("telegram", 90_000, "EUR", "2026-03-10T21:00:00Z"));
        Attempt attempt =
                attempt().amount(70_001, "EUR").at("2026-03-10T22:00:00Z").build();

        Reject reject = (Reject) tehran.assess(attempt, history);

        assertThat(reject.code()).isEqualTo("exceeds_daily_limit");
        assertThat(reject.limitMinor()).isEqualTo(250_000);
        assertThat(reject.usedMinor()).isEqualTo(180_000);
        assertThat(reject.resetsAt()).contains(Instant.parse("2026-03-11T20:30:00Z"));
        Attempt exactlyTheRest =
                attempt().amount(70_000, "EUR").at("2026-03-10T22:00:00Z").build();
        assertThat(tehran.assess(exactlyTheRest, history)).isNotInstanceOf(Reject.class);
    }

    @Test
    void theSameInstantBelongsToAnotherDayInUtc() {
        FakeHistory history = new FakeHistory()
                .add(sent("api", 90_000, "EUR", "2026-03-10T20:29:59Z"))
                .add(sent("api", 90_000, "EUR", "2026-03-10T20:30:00Z"))
                .add(sent("telegram", 90_000, "EUR", "2026-03-10T21:00:00Z"));

        Reject reject = (Reject) utc.assess(
                attempt().amount(1_000, "EUR").at("2026-03-10T22:00:00Z").build(), history);

        assertThat(reject.usedMinor()).isEqualTo(270_000);
        assertThat(reject.resetsAt()).contains(Instant.parse("2026-03-11T00:00:00Z"));
    }

    @Test
    void aDayWhoseMidnightWasSkippedByDaylightSavingResetsAtItsFirstInstant() {
        // Tehran kept daylight saving until 2022: on 22 March 2021 the clocks went from 00:00 to 01:00
        PaymentPolicy tehran = new PaymentPolicy(defaults, TEHRAN);
        FakeHistory history = new FakeHistory().add(sent("api", 250_000, "EUR", "2021-03-21T19:00:00Z"));

        Reject reject =
                (Reject) tehran.assess(attempt().at("2021-03-21T20:00:00Z").build(), history);

        assertThat(reject.code()).isEqualTo("exceeds_daily_limit");
        assertThat(reject.resetsAt()).contains(Instant.parse("2021-03-21T20:30:00Z"));
    }

    @Test
    void theMonthlyLimitCountsTheLocalMonthAndResetsOnTheFirstAtLocalMidnightInKolkata() {
        PaymentPolicy kolkata = new PaymentPolicy(defaults, KOLKATA);
        FakeHistory history = new FakeHistory()
                .add(sent("api", 150_000, "EUR", "2025-12-31T18:29:59Z")) // 23:59:59 on 31 December in India
                .add(sent("api", 240_000, "EUR", "2026-01-05T10:00:00Z"))
                .add(sent("api", 240_000, "EUR", "2026-01-12T10:00:00Z"))
                .add(sent("api", 240_000, "EUR", "2026-01-19T10:00:00Z"))
                .add(sent("api", 240_000, "EUR", "2026-01-26T10:00:00Z"));
        // 18:00Z on 31 January is 23:30 in India; January ends at 18:30Z
        Attempt lateOnTheLast =
                attempt().amount(40_001, "EUR").at("2026-01-31T18:00:00Z").build();
        Attempt earlyOnTheFirst =
                attempt().amount(40_001, "EUR").at("2026-01-31T18:30:00Z").build();

        Reject reject = (Reject) kolkata.assess(lateOnTheLast, history);

        assertThat(reject.code()).isEqualTo("exceeds_monthly_limit");
        assertThat(reject.limitMinor()).isEqualTo(1_000_000);
        assertThat(reject.usedMinor()).isEqualTo(960_000);
        assertThat(reject.resetsAt()).contains(Instant.parse("2026-01-31T18:30:00Z"));
        assertThat(kolkata.assess(earlyOnTheFirst, history)).isInstanceOf(Allow.class);
    }

    @Test
    void whenTheDayAndTheMonthAreBothUsedUpTheAnswerNamesTheMonthWhichResetsLater() {
        FakeHistory history = new FakeHistory()
                .add(sent("api", 250_000, "EUR", "2026-06-01T10:00:00Z"))
                .add(sent("api", 250_000, "EUR", "2026-06-05T10:00:00Z"))
                .add(sent("api", 250_000, "EUR", "2026-06-10T10:00:00Z"))
                .add(sent("api", 250_000, "EUR", "2026-06-15T09:00:00Z"));

        Reject reject = (Reject) utc.assess(attempt().build(), history);

        assertThat(reject.code()).isEqualTo("exceeds_monthly_limit");
        assertThat(reject.resetsAt()).contains(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(reject.checks())
                .filteredOn(c -> c.rule().equals("daily_limit"))
                .singleElement()
                .extracting(Check::outcome)
                .isEqualTo("reject");
    }

    @Test
    void xHasLowerLimitsPerPaymentThanTheKycLevel() {
        Reject onX =
                (Reject) utc.assess(attempt().channel("x").amount(10_001, "EUR").build(), new FakeHistory());
        Reject inrOnX = (Reject)
                utc.assess(attempt().channel("x").amount(500_001, "INR").build(), new FakeHistory());

        assertThat(onX.code()).isEqualTo("exceeds_channel_transaction_limit");
        assertThat(onX.limitMinor()).isEqualTo(10_000);
        assertThat(onX.resetsAt()).isEmpty();
        assertThat(inrOnX.code()).isEqualTo("exceeds_channel_transaction_limit");
        assertThat(inrOnX.limitMinor()).as("ICICI: Rs 5,000 a payment").isEqualTo(500_000);
        assertThat(utc.assess(
                        attempt().channel("telegram").amount(10_001, "EUR").build(), new FakeHistory()))
                .isInstanceOf(Allow.class);
    }

    @Test
    void xHasALowerDailyLimitCountingOnlyPaymentsAskedForOnX() {
        FakeHistory history = new FakeHistory()
                .add(sent("x", 900_000, "INR", "2026-06-15T01:00:00Z"))
                .add(sent("telegram", 5_000_000, "INR", "2026-06-15T02:00:00Z"))
                .add(sent("x", 500_000, "INR", "2026-06-14T23:00:00Z"));

        Reject reject = (Reject)
                utc.assess(attempt().channel("x").amount(100_001, "INR").build(), history);
        Decision onTelegram =
                utc.assess(attempt().channel("telegram").amount(100_001, "INR").build(), history);

        assertThat(reject.code()).isEqualTo("exceeds_channel_daily_limit");
        assertThat(reject.limitMinor()).as("ICICI: Rs 10,000 a day").isEqualTo(1_000_000);
        assertThat(reject.usedMinor()).isEqualTo(900_000);
        assertThat(reject.resetsAt()).contains(Instant.parse("2026-06-16T00:00:00Z"));
        assertThat(onTelegram).isNotInstanceOf(Reject.class);
        assertThat(utc.assess(attempt().channel("x").amount(100_000, "INR").build(), history))
                .isNotInstanceOf(Reject.class);
    }

    @Test
    void aChannelOverrideNeverRaisesTheKycLimit() {
        Reject reject = (Reject) utc.assess(
                attempt()
                        .kyc(KycLevel.CLAIM_ONLY)
                        .channel("x")
                        .amount(10_000, "EUR")
                        .build(),
                new FakeHistory().add(sent("api", 20_000, "EUR", "2026-06-15T01:00:00Z")));

        assertThat(reject.code()).isEqualTo("exceeds_daily_limit");
        assertThat(reject.limitMinor()).isEqualTo(25_000);
    }

    @Test
    void rialsHaveNoMinorUnitSoLimitsAreWholeRials() {
        Reject reject =
                (Reject) utc.assess(attempt().amount(1_000_000_001L, "IRR").build(), new FakeHistory());
        Decision atTheLimit = utc.assess(attempt().amount(1_000_000_000L, "IRR").build(), new FakeHistory());
        Reject onX = (Reject)
                utc.assess(attempt().channel("x").amount(100_000_001L, "IRR").build(), new FakeHistory());

        assertThat(reject.code()).isEqualTo("exceeds_transaction_limit");
        assertThat(reject.limitMinor()).isEqualTo(1_000_000_000L);
        assertThat(atTheLimit).isNotInstanceOf(Reject.class);
        assertThat(onX.limitMinor()).isEqualTo(100_000_000L);
    }

    @Test
    void aCurrencyWithoutLimitsIsNotSupported() {
        Reject reject = (Reject) utc.assess(attempt().amount(100, "JPY").build(), new FakeHistory());

        assertThat(reject.code()).isEqualTo("currency_not_supported");
        assertThat(reject.resetsAt()).isEmpty();
        assertThat(reject.checks()).containsExactly(new Check("currency_supported", "reject", "currency=JPY"));
    }

    @Test
    void everyLimitEvaluatedLeavesACheckWithItsFigures() {
        Decision decision = utc.assess(
                attempt().channel("x").amount(5_000, "EUR").build(),
                new FakeHistory().add(sent("x", 3_000, "EUR", "2026-06-15T09:00:00Z")));

        assertThat(decision).isInstanceOf(Allow.class);
        assertThat(decision.checks())
                .extracting(Check::rule)
                .containsExactly(
                        "currency_supported",
                        "transaction_limit",
                        "channel_transaction_limit",
                        "monthly_limit",
                        "daily_limit",
                        "channel_daily_limit",
                        "above_threshold",
                        "new_payee_above_threshold",
                        "many_new_payees",
                        "payment_burst",
                        "first_after_new_channel");
        assertThat(decision.checks()).allSatisfy(c -> assertThat(c.outcome()).isEqualTo("pass"));
        assertThat(decision.checks().get(5).detail())
                .isEqualTo("amountMinor=5000 usedMinor=3000 limitMinor=20000 resetsAt=2026-06-16T00:00:00Z channel=x");
        assertThat(decision.checks().get(1).detail()).isEqualTo("amountMinor=5000 usedMinor=0 limitMinor=100000");
        assertThat(Optional.of(decision.checks().get(3).detail()))
                .hasValueSatisfying(d -> assertThat(d).contains("resetsAt=2026-07-01T00:00:00Z"));
    }
}
