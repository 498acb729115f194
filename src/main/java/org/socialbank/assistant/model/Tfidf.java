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
 * then scaled by 1/sqrt(2) so the whole vector has length 1.
 */
public final class Tfidf {

    private static final double BLOCK_SCALE = Math.sqrt(0.5);
    private static final String WORD = "w:";
    private static final String CHAR = "c:";

    private final Map<String, Integer> index;
    private final double[] idf;

    private Tfidf(Map<String, Integer> index, double[] idf) {
        this.index = index;
        this.idf = idf;
    }

    /** Learns the vocabulary (terms in at least {@code minDf} texts, in sorted order) and the idf. */
    public static Tfidf fit(List<String> texts, int minDf) {
        Map<String, int[]> df = new HashMap<>(); // term -> {texts containing it, last text seen}
        for (int t = 0; t < texts.size(); t++) {
            for (String term : terms(TextFeatures.normalize(texts.get(t)))) {
                int[] seen = df.computeIfAbsent(term, k -> new int[] {0, -1});
                if (seen[1] != t) {
                    seen[0]++;
                    seen[1] = t;
                }
            }
        }
        TreeMap<String, Integer> kept = new TreeMap<>();
        df.forEach((term, seen) -> {
            if (seen[0] >= minDf) {
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
        return new Tfidf(index, idf);
    }

    public int dimension() {
        return idf.length;
    }

    public SparseVector transform(String text) {
        String normalized = TextFeatures.normalize(text);
        SparseVector words = block(TextFeatures.wordTerms(TextFeatures.words(normalized)), WORD);
        SparseVector chars = block(TextFeatures.charTerms(normalized), CHAR);
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

    static List<String> terms(String normalized) {
        List<String> terms = new ArrayList<>();
        TextFeatures.wordTerms(TextFeatures.words(normalized)).forEach(t -> terms.add(WORD + t));
        TextFeatures.charTerms(normalized).forEach(t -> terms.add(CHAR + t));
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
        out.writeInt(idf.length);
        String[] terms = new String[idf.length];
        index.forEach((term, i) -> terms[i] = term);
        for (int i = 0; i < idf.length; i++) {
            out.writeUTF(terms[i]);
            out.writeDouble(idf[i]);
        }
    }

    static Tfidf read(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, Integer> index = new HashMap<>(n * 2);
        double[] idf = new double[n];
        for (int i = 0; i < n; i++) {
            index.put(in.readUTF(), i);
            idf[i] = in.readDouble();
        }
        return new Tfidf(index, idf);
    }
}
