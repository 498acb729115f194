package org.socialbank.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spike math on seeded synthetic traffic: quiet hours raise nothing, a burst raises its topic. */
class SpikeDetectorUnitTests {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    final SpikeDetector detector = new SpikeDetector(Duration.ofHours(1), 24, 3, 5);

    static Mention mention(Topic topic, Sentiment sentiment, Instant at, String text) {
        return new Mention(
                new MentionId(UUID.randomUUID()),
                "news",
                UUID.randomUUID().toString(),
                text,
                null,
                null,
                "en",
                sentiment,
                sentiment == Sentiment.NEGATIVE ? -0.8 : 0,
                topic,
                false,
                at,
                at);
    }

    /** Background chatter: about {@code perHour} mentions an hour on each topic, over 25 hours. */
    static List<Mention> background(RandomGenerator random, int perHour) {
        List<Mention> out = new ArrayList<>();
        for (int hour = 0; hour <= 24; hour++) {
            for (Topic topic : List.of(Topic.APP_DOWN, Topic.FEES, Topic.OTHER)) {
                int n = perHour - 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    Instant at = NOW.minus(Duration.ofHours(hour)).minusSeconds(1 + random.nextInt(3599));
                    out.add(mention(
                            topic,
                            random.nextInt(4) == 0 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL,
                            at,
                            "the usual words about " + topic.wireName()));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20261201})
    void quietTrafficRaisesNothing(long seed) {
        List<Spike> spikes = detector.detect(background(new Random(seed), 6), NOW);
        assertThat(spikes).as("seed " + seed).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20261201})
    void aBurstIsAVolumeAndNegativitySpikeWithItsWords(long seed) {
        RandomGenerator random = new Random(seed);
        List<Mention> mentions = background(random, 6);
        for (int i = 0; i < 25; i++) {
            mentions.add(mention(
                    Topic.APP_DOWN,
                    Sentiment.NEGATIVE,
                    NOW.minusSeconds(1 + random.nextInt(3000)),
                    "app login error 503 again " + i));
        }
        List<Spike> spikes = detector.detect(mentions, NOW);
        assertThat(spikes).as("seed " + seed).extracting(Spike::topic).containsOnly(Topic.APP_DOWN);
        assertThat(spikes).extracting(Spike::kind).containsExactlyInAnyOrder(Spike.Kind.VOLUME, Spike.Kind.NEGATIVITY);
        Spike volume = spikes.stream()
                .filter(s -> s.kind() == Spike.Kind.VOLUME)
                .findFirst()
                .orElseThrow();
        assertThat(volume.words())
                .as("seed " + seed)
                .contains("login", "error", "503")
                .doesNotContain("usual", "words");
        assertThat(volume.examples()).hasSize(SpikeDetector.EXAMPLES_MAX);
        assertThat(volume.severity()).isBetween(1, 10);
        assertThat(volume.baselineMean()).isBetween(4.0, 8.0);
    }

    @Test
    void aQuietTopicsFirstFewMentionsAreNoSpike() {
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            mentions.add(mention(Topic.FRAUD, Sentiment.NEGATIVE, NOW.minusSeconds(60 + i), "scam"));
        }
        assertThat(detector.detect(mentions, NOW)).as("below count-min").isEmpty();
    }

    @Test
    void windowsAreHalfOpen() {
        assertThat(detector.slot(NOW, NOW)).isEqualTo(-1);
        assertThat(detector.slot(NOW.minusNanos(1), NOW)).isZero();
        assertThat(detector.slot(NOW.minus(Duration.ofHours(1)), NOW)).isZero();
        assertThat(detector.slot(NOW.minus(Duration.ofHours(1)).minusNanos(1), NOW))
                .isEqualTo(1);
        assertThat(detector.slot(detector.scanStart(NOW), NOW)).isEqualTo(24);
        assertThat(detector.slot(detector.scanStart(NOW).minusNanos(1), NOW)).isEqualTo(-1);
    }

    @Test
    void textKeyIgnoresCasePunctuationAndSpacing() {
        assertThat(Mentions.textKey("Bravo la banque, 3 jours!"))
                .isEqualTo(Mentions.textKey("bravo  la BANQUE... 3 jours"))
                .isNotEqualTo(Mentions.textKey("bravo la banque, 4 jours"));
        assertThat(Mentions.textKey("كارت")).isEqualTo(Mentions.textKey("کارت"));
    }

    /**
     * Issue 20 s3, a baseline by hour of week: payday morning is busy every week. Against the hours
     * just before it (rolling) that rush is a spike; against the same hour of the four weeks before
     * (hour of week) it is not; a rush at an hour that is quiet every week still is.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20261201})
    void aWeeklyRushIsNoSpikeAgainstTheSameHourOfEarlierWeeks(long seed) {
        RandomGenerator random = new Random(seed);
        SpikeDetector rolling = new SpikeDetector(Duration.ofHours(1), 24, 3, 5);
        SpikeDetector weekly = new SpikeDetector(Duration.ofHours(1), 4, 3, 5, true);
        List<Mention> mentions = background(random, 2);
        for (int week = 0; week <= 4; week++) {
            Instant end = NOW.minus(SpikeDetector.WEEK.multipliedBy(week));
            int n = 28 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                mentions.add(mention(
                        Topic.TRANSFER_DELAY,
                        Sentiment.NEUTRAL,
                        end.minusSeconds(1 + random.nextInt(3599)),
                        "salary transfer when " + i));
            }
        }
        assertThat(rolling.detect(mentions, NOW))
                .as("seed " + seed)
                .extracting(Spike::topic)
                .contains(Topic.TRANSFER_DELAY);
        assertThat(weekly.detect(mentions, NOW)).as("seed " + seed).isEmpty();

        for (int i = 0; i < 30; i++) {
            mentions.add(mention(
                    Topic.APP_DOWN,
                    Sentiment.NEGATIVE,
                    NOW.minusSeconds(1 + random.nextInt(3000)),
                    "app down error " + i));
        }
        assertThat(weekly.detect(mentions, NOW))
                .as("seed " + seed)
                .extracting(Spike::topic)
                .containsOnly(Topic.APP_DOWN);
        // what the weekly detector reads: the current window and the same hour of each earlier week
        assertThat(weekly.windows(NOW)).hasSize(5);
        assertThat(weekly.slot(NOW.minus(SpikeDetector.WEEK).minusSeconds(10), NOW))
                .isEqualTo(1);
        assertThat(weekly.slot(NOW.minus(Duration.ofHours(3)), NOW)).isEqualTo(-1);
    }
}
