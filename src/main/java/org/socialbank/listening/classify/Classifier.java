package org.socialbank.listening.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.socialbank.listening.Sentiment;
import org.socialbank.listening.Topic;
import org.socialbank.shared.Language;

/**
 * Language, sentiment and topic of a text, in-process and with no network: lexicon matches
 * summed with negation (a negator up to four words before, in the same clause and not past a
 * scope end such as "how", or a Persian negator after it, flips and damps an entry), undoing (a
 * harm next to "refunded", "évité", "отменили", "撤销" is good news), intensifiers
 * (the word just before scales it), contrast ("but": what follows counts more than what precedes)
 * and exclamation marks; the sum is squashed into [-1, 1]. Thread-safe once built.
 */
public final class Classifier {

    /** |score| at or above this is negative or positive; below it, neutral. */
    static final double POLARITY_THRESHOLD = 0.2;

    private static final int NEGATION_WINDOW = 4;
    /** A question asks more than it judges: "Is the app down tonight?" */
    private static final double QUESTION = 0.5;

    private static final double NEGATED = -0.7;
    private static final double BEFORE_CONTRAST = 0.5;
    private static final double AFTER_CONTRAST = 1.4;
    /** A harm undone ("refunded the fraudulent charge") counts as mild good news. */
    private static final double UNDONE = -0.6;

    private static final int UNDO_WINDOW = 4;
    private static final List<String> LANGUAGES = Language.tags();

    private final Map<String, Lexicon> lexicons;

    public Classifier() {
        // code-mixed posts borrow English bank words ("app", "block", "scam"): the non-Latin
        // languages read English entries too; French does not (its own file lists the anglicisms)
        this.lexicons = Map.of(
                "en",
                Lexicon.load("common", "en"),
                "fr",
                Lexicon.load("common", "fr"),
                "ru",
                Lexicon.load("common", "ru", "en"),
                "fa",
                Lexicon.load("common", "fa", "en"),
                "zh",
                Lexicon.load("common", "zh", "en"),
                LanguageDetector.UNDETERMINED,
                Lexicon.load("common", "en"));
    }

    public static List<String> languages() {
        return LANGUAGES;
    }

    public Classification classify(String text) {
        return classify(text, Lexicon::segment);
    }

    /**
     * As {@link #classify(String)}, with another segmentation of the normalised tokens: only for
     * measuring one against ours (Lucene's ICU tokenizer for Chinese, docs/listening.md).
     */
    Classification classify(String text, java.util.function.BiFunction<Lexicon, List<String>, List<String>> segmenter) {
        String language = LanguageDetector.detect(text);
        Lexicon lexicon = lexicons.get(language);
        List<String> tokens = segmenter.apply(lexicon, Texts.tokens(Texts.normalize(text)));
        double score = squash(sentiment(lexicon, tokens));
        Sentiment sentiment = polarity(score);
        return new Classification(language, sentiment, score, topic(lexicon, tokens, sentiment), false);
    }

    static Sentiment polarity(double score) {
        if (score >= POLARITY_THRESHOLD) {
            return Sentiment.POSITIVE;
        }
        return score <= -POLARITY_THRESHOLD ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    }

    static double squash(double sum) {
        double score = sum / Math.sqrt(sum * sum + 4);
        return Math.round(score * 1000) / 1000.0;
    }

    /** One matched sentiment entry, after negation and intensity, and where it stands. */
    private record Hit(double value, boolean contrasted, boolean alone, boolean echo) {}

    static double sentiment(Lexicon lexicon, List<String> tokens) {
        List<Hit> hits = hits(lexicon, tokens);
        boolean contrasted = hits.stream().anyMatch(Hit::contrasted);
        double rest = hits.stream()
                .filter(h -> !(h.alone() && h.value() > 0) && !h.echo())
                .mapToDouble(Hit::value)
                .sum();
        boolean question = !tokens.isEmpty() && tokens.get(tokens.size() - 1).equals("?");
        double sum = 0;
        for (Hit h : hits) {
            // sarcasm: "Great." or "Bravo," as a clause of its own, in a text that otherwise complains
            double value = h.alone() && h.value() > 0 && rest < 0 ? -h.value() : h.value();
            if (h.echo() && rest != 0) {
                value = Math.abs(value) * Math.signum(rest); // "still no refund, unbelievable"
            }
            if (question && value > 0) {
                value *= QUESTION; // "does the app work on older phones?" asks; it does not praise
            }
            sum += !contrasted ? value : value * (h.contrasted() ? AFTER_CONTRAST : BEFORE_CONTRAST);
        }
        int exclamations = (int) tokens.stream().filter("!"::equals).count();
        sum *= 1 + 0.1 * Math.min(exclamations, 3);
        return question ? sum * QUESTION : sum;
    }

    private static List<Hit> hits(Lexicon lexicon, List<String> tokens) {
        List<Hit> hits = new ArrayList<>();
        boolean contrasted = false;
        int clauseStart = 0;
        int i = 0;
        while (i < tokens.size()) {
            String token = tokens.get(i);
            if (Texts.isBoundary(token)) {
                clauseStart = i + 1;
            }
            contrasted |= lexicon.isContrast(token);
            Lexicon.Entry entry = lexicon.sentimentAt(tokens, i);
            if (entry != null
                    && entry.words().size() == 1
                    && lexicon.intensity(token) != 1
                    && i + 1 < tokens.size()
                    && lexicon.sentimentAt(tokens, i + 1) != null) {
                entry = null; // "super lent": super scales lent, it is no praise of its own
            }
            if (entry == null) {
                i++;
                continue;
            }
            int end = i + entry.words().size();
            double value = entry.weight() * intensity(lexicon, tokens, i);
            if (!entry.words().stream().anyMatch(lexicon::isNegator)
                    && (negated(lexicon, tokens, i)
                            || (end < tokens.size() && lexicon.isNegatorAfter(tokens.get(end))))) {
                value *= NEGATED;
            }
            if (value < 0 && undone(lexicon, tokens, i, end)) {
                value *= UNDONE;
            }
            boolean alone = spoken(lexicon, tokens, clauseStart, i) <= 1
                    && spoken(lexicon, tokens, end, clauseEnd(tokens, end)) == 0;
            hits.add(new Hit(value, contrasted, alone, lexicon.isEcho(entry)));
            i = end;
        }
        return hits;
    }

    /** The words in [from, to) that say something (not interjections, particles, intensifiers, signs). */
    private static int spoken(Lexicon lexicon, List<String> tokens, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            String t = tokens.get(k);
            n += Character.isLetterOrDigit(t.codePointAt(0)) && !lexicon.isFiller(t) ? 1 : 0;
        }
        return n;
    }

    /** Where the clause that goes on at {@code from} ends (a boundary or the text's end). */
    private static int clauseEnd(List<String> tokens, int from) {
        int k = from;
        while (k < tokens.size() && !Texts.isBoundary(tokens.get(k))) {
            k++;
        }
        return k;
    }

    private static double intensity(Lexicon lexicon, List<String> tokens, int at) {
        double factor = 1;
        for (int k = at - 1; k >= Math.max(0, at - 2) && !Texts.isBoundary(tokens.get(k)); k--) {
            factor *= lexicon.intensity(tokens.get(k));
        }
        return factor;
    }

    /**
     * An undo word up to four tokens before or after the harm, in the same clause (Han: characters),
     * that is not negated itself: "still no refund", "toujours pas remboursé" undo nothing.
     */
    private static boolean undone(Lexicon lexicon, List<String> tokens, int at, int end) {
        for (int k = at - 1; k >= Math.max(0, at - UNDO_WINDOW) && !Texts.isBoundary(tokens.get(k)); k--) {
            if (lexicon.isUndo(tokens.get(k)) && !negated(lexicon, tokens, k)) {
                return true;
            }
        }
        for (int k = end; k < Math.min(tokens.size(), end + UNDO_WINDOW) && !Texts.isBoundary(tokens.get(k)); k++) {
            if (lexicon.isUndo(tokens.get(k)) && !negated(lexicon, tokens, k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean negated(Lexicon lexicon, List<String> tokens, int at) {
        for (int k = at - 1; k >= Math.max(0, at - NEGATION_WINDOW); k--) {
            if (lexicon.isContrast(tokens.get(k))
                    || Texts.isBoundary(tokens.get(k))
                    || lexicon.isScopeEnd(tokens.get(k))) {
                return false;
            }
            if (lexicon.isNegator(tokens.get(k))) {
                return true;
            }
        }
        return false;
    }

    /** The topic with most keyword hits (ties by {@link Topic} order); praise when none but positive. */
    static Topic topic(Lexicon lexicon, List<String> tokens, Sentiment sentiment) {
        Map<Topic, Integer> counts = Lexicon.emptyCounts();
        int i = 0;
        while (i < tokens.size()) {
            Lexicon.Entry entry = lexicon.topicAt(tokens, i);
            if (entry == null) {
                i++;
                continue;
            }
            counts.merge(entry.topic(), 1, Integer::sum);
            i += entry.words().size();
        }
        if (sentiment != Sentiment.POSITIVE) {
            counts.remove(Topic.PRAISE);
        } else if (!counts.containsKey(Topic.FRAUD)) {
            return Topic.PRAISE; // "thanks for unblocking my card so fast" praises; it reports no problem
        }
        Topic best = null;
        for (Map.Entry<Topic, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        if (best == null) {
            return sentiment == Sentiment.POSITIVE ? Topic.PRAISE : Topic.OTHER;
        }
        return best;
    }
}
