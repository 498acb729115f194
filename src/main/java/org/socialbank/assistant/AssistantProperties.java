package org.socialbank.assistant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the assistant ({@code socialbank.assistant.*}), validated at start-up.
 *
 * @param textMax the longest question classified, in characters
 * @param sureThreshold the lowest confidence at which an English answer can be sure, whatever its
 *     intent's calibrated threshold, and the one threshold of the quick model
 * @param sureThresholdOther the same for fr, ru, fa and zh
 * @param sureAccuracy each English intent's threshold is the lowest (from {@code sure-threshold}
 *     up) at which that intent's sure answers on the validation split are right this often
 *     (docs/assistant.md, Figures)
 * @param sureAccuracyOther the same for fr, ru, fa and zh, on out-of-fold answers of their
 *     training phrases
 * @param surePooled 0, or the share of all English intents' sure validation answers together that
 *     must be right: the floor rises to the lowest threshold at which they are (0.99: about 12
 *     sure-and-wrong per 2,000 questions instead of 49, at 68.5 % of questions answered instead of
 *     81 %, measured by 5-fold cross-validation; docs/assistant.md, Figures, "English (L.6)")
 * @param surePooledOther the same for fr, ru, fa and zh, on out-of-fold answers of their training
 *     phrases (0.99 since session 20, with the floor {@code sure-threshold-other} 0.6: the rule that
 *     answers most among those whose nested out-of-fold sure answers are 99 % right in every
 *     language; docs/assistant.md, Figures, "Session 20")
 * @param seed the seed of every training shuffle: the same data and seed give the same model
 * @param cacheDir where trained models are kept between starts, keyed by a digest of their data
 *     and settings; empty means {@code java.io.tmpdir}/socialbank-assistant
 * @param readyWait how long a question waits for the models on a first start before it is
 *     answered by the quick model (20 questions per intent) instead
 * @param encoder {@code minilm} to blend the int8 all-MiniLM-L6-v2 head into the English and
 *     French models and the int8 bge-small-zh-v1.5 head into the Chinese one, each once it is
 *     trained (minutes on a first start, then cached), {@code none} for the TF-IDF models alone
 * @param answersPerCallerMax the most open answer ids one API caller holds: a new one drops its
 *     oldest, whose vote is then refused {@code unknown_answer} (reread 2026-12-08 assistant)
 */
@ConfigurationProperties("socialbank.assistant")
public record AssistantProperties(
        @DefaultValue("500") int textMax,
        @DefaultValue("0.5") double sureThreshold,
        @DefaultValue("0.6") double sureThresholdOther,
        @DefaultValue("0.97") double sureAccuracy,
        @DefaultValue("0.95") double sureAccuracyOther,
        @DefaultValue("0.99") double surePooled,
        @DefaultValue("0.99") double surePooledOther,
        @DefaultValue("77") long seed,
        @DefaultValue("") String cacheDir,
        @DefaultValue("5s") Duration readyWait,
        @DefaultValue("minilm") String encoder,
        @DefaultValue("1000") int answersPerCallerMax) {

    public static final String MINILM = "minilm";
    public static final String NONE = "none";

    public AssistantProperties {
        require(textMax >= 1 && textMax <= 10_000, "text-max must be 1..10000");
        require(sureThreshold >= 0 && sureThreshold <= 1, "sure-threshold must be 0..1");
        require(sureThresholdOther >= 0 && sureThresholdOther <= 1, "sure-threshold-other must be 0..1");
        require(sureAccuracy > 0 && sureAccuracy <= 1, "sure-accuracy must be above 0 and at most 1");
        require(sureAccuracyOther > 0 && sureAccuracyOther <= 1, "sure-accuracy-other must be above 0 and at most 1");
        require(surePooled >= 0 && surePooled <= 1, "sure-pooled must be 0..1");
        require(surePooledOther >= 0 && surePooledOther <= 1, "sure-pooled-other must be 0..1");
        cacheDir = cacheDir == null ? "" : cacheDir;
        require(
                readyWait != null && !readyWait.isNegative() && readyWait.compareTo(Duration.ofMinutes(10)) <= 0,
                "ready-wait must be 0..10m");
        require(MINILM.equals(encoder) || NONE.equals(encoder), "encoder must be minilm or none");
        require(answersPerCallerMax >= 1 && answersPerCallerMax <= 100_000, "answers-per-caller-max must be 1..100000");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.assistant." + message);
        }
    }
}
