package org.socialbank.assistant.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The English recipe of the assistant study: a softmax head on sentence-encoder vectors blended
 * with the TF-IDF model, score = log p(encoder) + weight * log p(TF-IDF), then a softmax of the
 * score for the confidence.
 */
public final class BlendedModel implements IntentClassifier {

    private final IntentModel tfidf;
    private final SentenceEncoder encoder;
    private final SoftmaxRegression head;
    private final double weight;

    private BlendedModel(IntentModel tfidf, SentenceEncoder encoder, SoftmaxRegression head, double weight) {
        this.tfidf = tfidf;
        this.encoder = encoder;
        this.head = head;
        this.weight = weight;
    }

    public static BlendedModel of(IntentModel tfidf, SentenceEncoder encoder, SoftmaxRegression head, double weight) {
        return new BlendedModel(tfidf, encoder, head, weight);
    }

    /** Trains the encoder's head on the same examples (and label order) as {@code tfidf}. */
    public static BlendedModel train(IntentModel tfidf, Examples examples, SentenceEncoder encoder,
            SoftmaxRegression.Settings settings, double weight) {
        List<SparseVector> xs = new ArrayList<>(examples.size());
        int[] ys = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            xs.add(dense(encoder.encode(examples.texts().get(i))));
            ys[i] = tfidf.labels().indexOf(examples.intents().get(i));
        }
        SoftmaxRegression head = SoftmaxRegression.train(xs, ys, tfidf.labels().size(), xs.get(0).size(), settings);
        return new BlendedModel(tfidf, encoder, head, weight);
    }

    @Override
    public List<String> labels() {
        return tfidf.labels();
    }

    @Override
    public List<IntentModel.Scored> rank(String text) {
        double[] score = head.logProbabilities(dense(encoder.encode(text)));
        double[] lexical = tfidf.logProbabilities(text);
        for (int k = 0; k < score.length; k++) {
            score[k] += weight * lexical[k];
        }
        SoftmaxRegression.softmaxInPlace(score);
        return IntentModel.ranked(labels(), score);
    }

    public static SparseVector dense(float[] vector) {
        int[] indices = new int[vector.length];
        double[] values = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            indices[i] = i;
            values[i] = vector[i];
        }
        return new SparseVector(indices, values);
    }

    public void writeHead(DataOutputStream out) throws IOException {
        out.writeDouble(weight);
        head.write(out);
    }

    public static BlendedModel readHead(DataInputStream in, IntentModel tfidf, SentenceEncoder encoder) throws IOException {
        double weight = in.readDouble();
        return new BlendedModel(tfidf, encoder, SoftmaxRegression.read(in), weight);
    }
}
