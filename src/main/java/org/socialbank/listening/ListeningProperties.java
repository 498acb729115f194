package org.socialbank.listening;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of social listening ({@code socialbank.listening.*}), validated at start-up.
 *
 * @param batchMax the most mentions one import request carries
 * @param spikeWindow the recent window a spike is looked for in
 * @param baselineWindows how many earlier windows of the same length make the baseline
 * @param spikeSigma how many standard deviations above the baseline mean a count must be
 * @param spikeCountMin the fewest mentions of a topic in the window that can make a spike
 * @param scanMax the most mentions one spike scan or dashboard reads
 * @param keywords what makes a group post a mention of the bank besides naming its bot: the
 *     bank's names and products, matched as whole words (Han text: as written), case, accents and
 *     Persian letter variants ignored; none by default (only posts naming the bot are kept)
 */
@ConfigurationProperties("socialbank.listening")
public record ListeningProperties(
        @DefaultValue("100") int batchMax,
        @DefaultValue("1h") Duration spikeWindow,
        @DefaultValue("24") int baselineWindows,
        @DefaultValue("3") double spikeSigma,
        @DefaultValue("5") int spikeCountMin,
        @DefaultValue("50000") int scanMax,
        List<String> keywords,
        @DefaultValue("rolling") String baseline) {

    public static final int KEYWORDS_MAX = 100;

    public ListeningProperties {
        require(batchMax >= 1 && batchMax <= 1000, "batch-max must be 1..1000");
        require(
                spikeWindow != null
                        && spikeWindow.compareTo(Duration.ofMinutes(5)) >= 0
                        && spikeWindow.compareTo(Duration.ofDays(1)) <= 0,
                "spike-window must be 5m..1d");
        require(baselineWindows >= 3 && baselineWindows <= 24 * 28, "baseline-windows must be 3..672");
        require(
                "rolling".equals(baseline) || "hour-of-week".equals(baseline),
                "baseline must be rolling or hour-of-week");
        require(
                !"hour-of-week".equals(baseline) || baselineWindows <= 12,
                "baseline-windows must be 3..12 (weeks) with baseline hour-of-week");
        require(spikeSigma > 0 && spikeSigma <= 10, "spike-sigma must be in (0, 10]");
        require(spikeCountMin >= 1 && spikeCountMin <= 10_000, "spike-count-min must be 1..10000");
        require(scanMax >= 100 && scanMax <= 1_000_000, "scan-max must be 100..1000000");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        require(keywords.size() <= KEYWORDS_MAX, "keywords: at most " + KEYWORDS_MAX);
        require(
                keywords.stream()
                        .allMatch(k -> k != null
                                && k.strip().length() >= 2
                                && k.strip().length() <= 64),
                "keywords: each 2..64 characters");
    }

    /** Whether the baseline is the same window of earlier weeks rather than the windows just before. */
    public boolean hourOfWeek() {
        return "hour-of-week".equals(baseline);
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException("socialbank.listening." + message);
        }
    }
}
