package org.socialbank.payments.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialbank.payments.risk.Attempts.attempt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.directory.KycLevel;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.support.Seeds;

/**
 * Whatever a payer does, the policy never lets through a payment that would take the local day's
 * total past the daily limit (nor the channel's day or the month past theirs), and it rejects only
 * a payment that would. Totals are recomputed here from local dates, independently of the policy.
 */
class DailyLimitInvariantUnitTests {

    static final List<ZoneId> ZONES = List.of(
            ZoneId.of("UTC"), ZoneId.of("Asia/Tehran"), ZoneId.of("Asia/Kolkata"), ZoneId.of("America/New_York"));
    static final List<String> CURRENCIES = List.of("EUR", "INR", "IRR");
    static final List<String> CHANNELS = List.of("api", "telegram", "x");
    static final int STEPS = 300;

    static LongStream seeds() {
        return Seeds.consecutive("DailyLimitInvariantUnitTests", 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neverAllowsMoreThanTheDailyLimit(long seed) {
        RandomGenerator random = Seeds.random(seed);
        RiskProperties properties = RiskProperties.defaults();
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        KycLevel kyc = KycLevel.values()[random.nextInt(KycLevel.values().length)];
        CurrencyCode currency = CurrencyCode.of(CURRENCIES.get(random.nextInt(CURRENCIES.size())));
        Figures figures = Figures.of(properties, kyc, currency);
        PaymentPolicy policy = new PaymentPolicy(properties, zone);
        FakeHistory history = new FakeHistory();
        Instant now = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextLong(366L * 24 * 3600));
        for (int step = 0; step < STEPS; step++) {
            now = now.plus(Duration.ofMinutes(random.nextLong(random.nextBoolean() ? 30 : 12 * 60)));
            String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
            long amountMinor = 1 + random.nextLong(figures.perTransactionMinor() + figures.perTransactionMinor() / 5);
            Attempts builder = attempt()
                    .kyc(kyc)
                    .channel(channel)
                    .amount(amountMinor, currency.code())
                    .at(now);
            Attempt attempt = (random.nextBoolean() ? builder.newPayee() : builder).build();
            Decision decision = policy.assess(attempt, history);
            String context = "seed %d step %d %s %s: %s".formatted(seed, step, zone, attempt, decision);
            Totals before = Totals.of(history, zone, attempt);
            assertThat(decision instanceof Reject).as(context).isEqualTo(figures.breachedBy(attempt, before));
            if (!(decision instanceof Reject)) {
                history.add(attempt);
                Totals after = Totals.of(history, zone, attempt);
                assertThat(after.dayMinor()).as(context).isLessThanOrEqualTo(figures.perDayMinor());
                assertThat(after.monthMinor()).as(context).isLessThanOrEqualTo(figures.perMonthMinor());
                if (channel.equals("x")) {
                    assertThat(after.xDayMinor()).as(context).isLessThanOrEqualTo(figures.xPerDayMinor());
                }
            }
        }
    }

    /** The limits of the payer's level and currency, and of X, in minor units. */
    record Figures(
            long perTransactionMinor,
            long perDayMinor,
            long perMonthMinor,
            long xPerTransactionMinor,
            long xPerDayMinor) {

        static Figures of(RiskProperties properties, KycLevel kyc, CurrencyCode currency) {
            RiskProperties.Limits limits = properties.limits().get(kyc).get(currency.code());
            RiskProperties.ChannelLimits x = properties.channelLimits().get("x").get(currency.code());
            int exponent = currency.exponent();
            return new Figures(
                    limits.perTransaction().movePointRight(exponent).longValueExact(),
                    limits.perDay().movePointRight(exponent).longValueExact(),
                    limits.perMonth().movePointRight(exponent).longValueExact(),
                    x.perTransaction().movePointRight(exponent).longValueExact(),
                    x.perDay().movePointRight(exponent).longValueExact());
        }

        boolean breachedBy(Attempt attempt, Totals before) {
            long amount = attempt.amountMinor();
            boolean onX = attempt.channel().equals("x");
            return amount > perTransactionMinor
                    || before.dayMinor() + amount > perDayMinor
                    || before.monthMinor() + amount > perMonthMinor
                    || onX && (amount > xPerTransactionMinor || before.xDayMinor() + amount > xPerDayMinor);
        }
    }

    /** What the payer sent in the attempt's local day (in all channels and on X) and local month. */
    record Totals(long dayMinor, long xDayMinor, long monthMinor) {

        static Totals of(FakeHistory history, ZoneId zone, Attempt attempt) {
            LocalDate today = attempt.now().atZone(zone).toLocalDate();
            Predicate<FakeHistory.Sent> sameDay =
                    s -> s.at().atZone(zone).toLocalDate().equals(today);
            Predicate<FakeHistory.Sent> sameMonth =
                    s -> YearMonth.from(s.at().atZone(zone)).equals(YearMonth.from(today));
            return new Totals(
                    sum(history, sameDay),
                    sum(history, sameDay.and(s -> s.channel().equals("x"))),
                    sum(history, sameMonth));
        }

        private static long sum(FakeHistory history, Predicate<FakeHistory.Sent> which) {
            return history.sent.stream()
                    .filter(which)
                    .mapToLong(FakeHistory.Sent::amountMinor)
                    .sum();
        }
    }
}
