package org.socialbank.sweeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/** The consent's limits, pure: single decisions, and seeded random streams of pulls over many periods. */
class ConsentLimitsUnitTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    static Consent consent(long maxPayment, long maxPeriod, LimitPeriod period, Instant expires, boolean revoked) {
        return new Consent(
                new ConsentId(UUID.randomUUID()),
                new CustomerId(UUID.randomUUID()),
                "other-bank",
                "OTHER-BANK-1-EUR",
                CurrencyCode.of("EUR"),
                maxPayment,
                maxPeriod,
                period,
                expires,
                revoked,
                NOW,
                null);
    }

    @Test
    void anAskedAmountFitsThePaymentAndWhatIsLeftOfThePeriod() {
        Consent c = consent(50_000, 120_000, LimitPeriod.MONTH, NOW.plus(Duration.ofDays(90)), false);
        assertThat(decide(c, 0, 50_000)).isEqualTo(new ConsentLimits.Allow(50_000));
        assertThat(decide(c, 0, 50_001)).isEqualTo(new ConsentLimits.Refuse(SweepRefusal.OVER_PAYMENT_LIMIT));
        assertThat(decide(c, 100_000, 20_000)).isEqualTo(new ConsentLimits.Allow(20_000));
        assertThat(decide(c, 100_000, 20_001)).isEqualTo(new ConsentLimits.Refuse(SweepRefusal.OVER_PERIOD_LIMIT));
        assertThat(decide(c, 0, 0)).isEqualTo(new ConsentLimits.Refuse(SweepRefusal.INVALID_AMOUNT));
    }

    @Test
    void aRevokedOrExpiredConsentPullsNothing() {
        assertThat(decide(consent(1, 1, LimitPeriod.DAY, NOW.plusSeconds(60), true), 0, 1))
                .isEqualTo(new ConsentLimits.Refuse(SweepRefusal.CONSENT_REVOKED));
        assertThat(decide(consent(1, 1, LimitPeriod.DAY, NOW, false), 0, 1))
                .isEqualTo(new ConsentLimits.Refuse(SweepRefusal.CONSENT_EXPIRED));
    }

    @Test
    void collectingAllTakesTheBalanceAboveWhatIsKeptCappedByBothMaxima() {
        Consent c = consent(50_000, 120_000, LimitPeriod.MONTH, NOW.plus(Duration.ofDays(90)), false);
        assertThat(all(c, 0, 30_000, 10_000)).isEqualTo(new ConsentLimits.Allow(20_000));
        assertThat(all(c, 0, 300_000, 10_000)).isEqualTo(new ConsentLimits.Allow(50_000));
        assertThat(all(c, 110_000, 300_000, 10_000)).isEqualTo(new ConsentLimits.Allow(10_000));
        assertThat(all(c, 120_000, 300_000, 10_000))
                .isEqualTo(new ConsentLimits.Refuse(SweepRefusal.OVER_PERIOD_LIMIT));
        assertThat(all(c, 0, 10_000, 10_000)).isEqualTo(new ConsentLimits.Refuse(SweepRefusal.NOTHING_TO_COLLECT));
        assertThat(ConsentLimits.decide(c, NOW, 0, OptionalLong.empty(), OptionalLong.empty(), 0))
                .isEqualTo(new ConsentLimits.Refuse(SweepRefusal.BALANCE_UNKNOWN));
    }

    static List<Long> seeds() {
        long base = System.nanoTime();
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            seeds.add(base + i);
        }
        return seeds;
    }

    /** Random pulls at random moments over a year: no payment above its maximum, no period above its. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noStreamOfPullsPassesEitherMaximum(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (LimitPeriod period : LimitPeriod.values()) {
            long maxPayment = 1 + random.nextLong(100_000);
            Consent c = consent(
                    maxPayment, maxPayment + random.nextLong(300_000), period, NOW.plus(Duration.ofDays(400)), false);
            Map<Instant, Long> usedByPeriod = new HashMap<>();
            Instant at = NOW;
            for (int i = 0; i < 400; i++) {
                at = at.plusSeconds(random.nextLong(3 * 24 * 3600));
                Instant from = period.window(at, PARIS).from();
                long used = usedByPeriod.getOrDefault(from, 0L);
                ConsentLimits.Decision d = random.nextBoolean()
                        ? ConsentLimits.decide(
                                c, at, used, OptionalLong.of(1 + random.nextLong(150_000)), OptionalLong.empty(), 0)
                        : ConsentLimits.decide(
                                c,
                                at,
                                used,
                                OptionalLong.empty(),
                                OptionalLong.of(random.nextLong(500_000)),
                                random.nextLong(50_000));
                if (d instanceof ConsentLimits.Allow allow) {
                    assertThat(allow.amountMinor()).as("seed %d", seed).isBetween(1L, maxPayment);
                    usedByPeriod.merge(from, allow.amountMinor(), Long::sum);
                }
            }
            assertThat(usedByPeriod.values()).as("seed %d, %s", seed, period).allMatch(u -> u <= c.maxPeriodMinor());
        }
    }

    @ParameterizedTest
    @EnumSource(LimitPeriod.class)
    void aPeriodWindowHoldsItsInstantAndEndsWhereTheNextBegins(LimitPeriod period) {
        Instant at = Instant.parse("2027-03-28T00:30:00Z"); // the night Paris moves to summer time
        LimitPeriod.Window w = period.window(at, PARIS);
        assertThat(w.from()).isBeforeOrEqualTo(at);
        assertThat(w.until()).isAfter(at);
        assertThat(period.window(w.until(), PARIS).from()).isEqualTo(w.until());
    }

    private static ConsentLimits.Decision decide(Consent c, long used, long asked) {
        return ConsentLimits.decide(c, NOW, used, OptionalLong.of(asked), OptionalLong.empty(), 0);
    }

    private static ConsentLimits.Decision all(Consent c, long used, long balance, long keep) {
        return ConsentLimits.decide(c, NOW, used, OptionalLong.empty(), OptionalLong.of(balance), keep);
    }
}
