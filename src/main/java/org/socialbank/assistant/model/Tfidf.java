package org.socialbank.assistant.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TF-IDF over word 1-2-grams and character 2-5-grams, as scikit-learn computes it with
 * {@code sublinear_tf}, {@code smooth_idf} and {@code min_df}: tf = 1 + ln(count), idf =
 * 1 + ln((1 + n) / (1 + df)); the word block and the character block are each L2-normalized,
 * then scaled by 1/sqrt(2) so the whole vector has length 1. Which terms a text has is a
 * {@link Terms} choice, kept with the model.
 */
public final class Tfidf {

    /** How a text becomes terms. */
    public enum Terms {
        /**
         * {@link TextFeatures}: normalized spellings, words split at punctuation too, Han
         * characters one word each; {@code minDf} holds for both blocks. English's models; the other
         * languages' use {@link #TRUNCATED_WORDS} since session 22.
         */
        SCRIPTS,
        /**
         * {@link #SCRIPTS} with each word cut to its first {@link TextFeatures#STEM_LETTERS}
         * letters before the word 1-2-grams are made, the character n-grams unchanged: a stemmer
         * that knows no language, for the phrase languages, where Russian's and Persian's endings
         * (and French's fewer) split one word into many rare terms. Out of fold on the training
         * phrases it makes more answers right and more sure at no larger a share wrong in Russian,
         * Persian and French, and changes nothing in Chinese (docs/assistant.md, "Session 22").
         */
        TRUNCATED_WORDS,
        /**
         * scikit-learn's {@code TfidfVectorizer} as the assistant study ran it on English: lower
         * case only, words {@code (?u)\b\w\w+\b} (one-letter words dropped), {@code char_wb}
         * n-grams of whitespace-separated tokens with their punctuation; {@code minDf} holds for
         * the character block only, every word 1-2-gram is kept (34,077 terms on the 8,005
         * training questions; the study's own split had 34,103). For the benchmark's comparison
         * ({@code bench/assistant.sh blend}): no more accurate than {@link #SCRIPTS} here.
         */
        SCIKIT_LEARN;

        List<String> words(String text) {
            return TextFeatures.wordTerms(
                    switch (this) {
                        case SCRIPTS -> TextFeatures.words(TextFeatures.normalize(text));
                        case TRUNCATED_WORDS -> TextFeatures.stems(TextFeatures.words(TextFeatures.normalize(text)));
                        case SCIKIT_LEARN -> ScikitTerms.words(text);
                    });
        }

        List<String> chars(String text) {
            return this == SCIKIT_LEARN
                    ? ScikitTerms.chars(text)
                    : TextFeatures.charTerms(TextFeatures.normalize(text));
        }

        int wordMinDf(int minDf) {
            return this == SCIKIT_LEARN ? 1 : minDf;
        }
    }

    private static final double BLOCK_SCALE = Math.sqrt(0.5);
    private static final String WORD = "w:";
    private static final String CHAR = "c:";

    private final Terms terms;
    private final Map<String, Integer> index;
    private final double[] idf;

    private Tfidf(Terms terms, Map<String, Integer> index, double[] idf) {
        this.terms = terms;
        this.index = index;
        this.idf = idf;
    }

    /** Today's {@link Terms#SCRIPTS} features. */
    public static Tfidf fit(List<String> texts, int minDf) {
        return fit(texts, minDf, Terms.SCRIPTS);
    }

    /** Learns the vocabulary (terms in at least {@code minDf} texts, in sorted order) and the idf. */
    public static Tfidf fit(List<String> texts, int minDf, Terms terms) {
        Map<String, int[]> df = new HashMap<>(); // term -> {texts containing it, last text seen}
        for (int t = 0; t < texts.size(); t++) {
            for (String term : terms(terms, texts.get(t))) {
                int[] seen = df.computeIfAbsent(term, k -> new int[] {0, -1});
                if (seen[1] != t) {
                    seen[0]++;
                    seen[1] = t;
                }
            }
        }
        TreeMap<String, Integer> kept = new TreeMap<>();
        df.forEach((term, seen) -> {
            if (seen[0] >= (term.startsWith(WORD) ? terms.wordMinDf(minDf) : minDf)) {
                kept.put(term, seen[0]);
            }
        });
        Map<String, Integer> index = new HashMap<>(kept.size() * 2);
        double[] idf = new double[kept.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : kept.entrySet()) {
            index.put(e.getKey(), i);
            idf[i++] = 1 + Math.log((1.0 + texts.size()) / (1.0 + e.getValue()));
        }
        return new Tfidf(terms, index, idf);
    }

    public int dimension() {
        return idf.length;
    }

    public SparseVector transform(String text) {
        SparseVector words = block(terms.words(text), WORD);
        SparseVector chars = block(terms.chars(text), CHAR);
        // every word term sorts before every character term ("c:" < "w:" is false: 'w' > 'c'), so
        // the character block's indices all come first
        int n = words.size() + chars.size();
        int[] indices = new int[n];
        double[] values = new double[n];
        System.arraycopy(chars.indices(), 0, indices, 0, chars.size());
        System.arraycopy(chars.values(), 0, values, 0, chars.size());
        System.arraycopy(words.indices(), 0, indices, chars.size(), words.size());
        System.arraycopy(words.values(), 0, values, chars.size(), words.size());
        return new SparseVector(indices, values);
    }

    static List<String> terms(Terms how, String text) {
        List<String> terms = new ArrayList<>();
        how.words(text).forEach(t -> terms.add(WORD + t));
        how.chars(text).forEach(t -> terms.add(CHAR + t));
        return terms;
    }

    /** One block: sublinear tf times idf of the known terms, L2-normalized to length 1/sqrt(2). */
    private SparseVector block(List<String> terms, String prefix) {
        int[] ids = new int[terms.size()];
        int n = 0;
        for (String term : terms) {
            Integer at = index.get(prefix + term);
            if (at != null) {
                ids[n++] = at;
            }
        }
        Arrays.sort(ids, 0, n);
        int[] indices = new int[n];
        double[] values = new double[n];
        int distinct = 0;
        double norm = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && ids[j] == ids[i]) {
                j++;
            }
            double w = (1 + Math.log(j - i)) * idf[ids[i]];
            indices[distinct] = ids[i];
            values[distinct++] = w;
            norm += w * w;
            i = j;
        }
        double scale = norm == 0 ? 0 : BLOCK_SCALE / Math.sqrt(norm);
        for (int i = 0; i < distinct; i++) {
            values[i] *= scale;
        }
        return new SparseVector(Arrays.copyOf(indices, distinct), Arrays.copyOf(values, distinct));
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(terms.name());
        out.writeInt(idf.length);
        String[] terms = new String[idf.length];
        index.forEach((term, i) -> terms[i] = term);
        for (int i = 0; i < idf.length; i++) {
            out.writeUTF(terms[i]);
            out.writeDouble(idf[i]);
        }
    }

    static Tfidf read(DataInputStream in) throws IOException {
        Terms terms;
        try {
            terms = Terms.valueOf(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown terms", e);
        }
        int n = in.readInt();
        Map<String, Integer> index = new HashMap<>(n * 2);
        double[] idf = new double[n];
        for (int i = 0; i < n; i++) {
            index.put(in.readUTF(), i);
            idf[i] = in.readDouble();
        }
        return new Tfidf(terms, index, idf);
    }
}
