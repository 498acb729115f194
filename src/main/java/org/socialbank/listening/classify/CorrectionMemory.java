package org.socialbank.listening.classify;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socialbank.listening.Sentiment;
import org.socialbank.listening.Topic;

/**
 * What staff corrections teach beyond the same words (issue 20, 2.11): a memory of corrected
 * texts, each as the set of its words, and for a new text the corrected text most like it, when
 * they share at least {@link #SIMILARITY_MIN} of their words (Jaccard: shared words over all
 * words of the two). A reworded complaint ("the ATM on rue de Rivoli swallowed my card again")
 * then takes the staff's verdict on the first one, while a text about something else does not.
 * Deterministic: the same corrections and text give the same answer; among equally similar texts
 * the newest correction wins. Pure: the caller loads the corrections.
 */
public final class CorrectionMemory {

    /** How alike a text must be to a corrected one to take its correction. */
    public static final double SIMILARITY_MIN = 0.5;
    /** Texts of fewer words than this decide nothing by likeness: too little to be "the same complaint". */
    static final int WORDS_MIN = 4;

    /** A corrected text: its language, its words, and what staff said (either possibly null). */
    public record Example(String language, Set<String> words, Sentiment sentiment, Topic topic) {
        public Example {
            words = Set.copyOf(words);
        }
    }

    private final List<Example> newestFirst;

    /** @param newestFirst corrected texts, the newest correction first */
    public CorrectionMemory(List<Example> newestFirst) {
        this.newestFirst = List.copyOf(newestFirst);
    }

    public static CorrectionMemory empty() {
        return new CorrectionMemory(List.of());
    }

    public int size() {
        return newestFirst.size();
    }

    /** The words a text is compared by: normalised, letters and digits only, each once. */
    public static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String t : Texts.tokens(Texts.normalize(text))) {
            if (Character.isLetterOrDigit(t.codePointAt(0))) {
                words.add(t);
            }
        }
        return words;
    }

    /** The corrected text of this language most like {@code words}, if one is alike enough. */
    public Optional<Example> nearest(String language, Set<String> words) {
        if (words.size() < WORDS_MIN) {
            return Optional.empty();
        }
        Example best = null;
        double bestSimilarity = SIMILARITY_MIN;
        for (Example e : newestFirst) {
            if (!e.language().equals(language) || e.words().size() < WORDS_MIN) {
                continue;
            }
            double similarity = similarity(words, e.words());
            if (similarity > bestSimilarity || (best == null && similarity >= SIMILARITY_MIN)) {
                best = e;
                bestSimilarity = similarity;
            }
        }
        return Optional.ofNullable(best);
    }

    static double similarity(Set<String> a, Set<String> b) {
        int shared = 0;
        for (String w : a) {
            if (b.contains(w)) {
                shared++;
            }
        }
        int union = a.size() + b.size() - shared;
        return union == 0 ? 0 : (double) shared / union;
    }
}
