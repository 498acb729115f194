package org.socialbank.assistant.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
    private final SureThresholds sure;

    private BlendedModel(
            IntentModel tfidf, SentenceEncoder encoder, SoftmaxRegression head, double weight, SureThresholds sure) {
        this.tfidf = tfidf;
        this.encoder = encoder;
        this.head = head;
        this.weight = weight;
        this.sure = sure;
    }

    /** Never sure until {@link #withThresholds} calibrates it. */
    public static BlendedModel of(IntentModel tfidf, SentenceEncoder encoder, SoftmaxRegression head, double weight) {
        return new BlendedModel(
                tfidf,
                encoder,
                head,
                weight,
                SureThresholds.uniform(tfidf.labels().size(), 1));
    }

    /** This blend with calibrated thresholds (one per label, in the order of {@link #labels()}). */
    public BlendedModel withThresholds(SureThresholds thresholds) {
        if (thresholds.size() != labels().size()) {
            throw new IllegalArgumentException("one threshold per label is required");
        }
        return new BlendedModel(tfidf, encoder, head, weight, thresholds);
    }

    /** This blend's encoder head and weight on another TF-IDF model with the same labels. */
    public BlendedModel on(IntentModel lexical, SentenceEncoder serving) {
        if (!lexical.labels().equals(labels())) {
            throw new IllegalArgumentException("the TF-IDF model's labels differ");
        }
        return new BlendedModel(lexical, serving, head, weight, sure);
    }

    /** The encoder's softmax head. */
    public SoftmaxRegression head() {
        return head;
    }

    @Override
    public SureThresholds thresholds() {
        return sure;
    }

    /** Trains the encoder's head on the same examples (and label order) as {@code tfidf}. */
    public static BlendedModel train(
            IntentModel tfidf,
            Examples examples,
            SentenceEncoder encoder,
            SoftmaxRegression.Training settings,
            double weight) {
        return of(tfidf, encoder, trainHead(tfidf.labels(), examples, encoder, settings), weight);
    }

    /** A softmax head on the encoder's vectors of the examples, over {@code labels}. */
    public static SoftmaxRegression trainHead(
            List<String> labels, Examples examples, SentenceEncoder encoder, SoftmaxRegression.Training settings) {
        return SoftmaxRegression.trainDense(
                vectors(examples, encoder), classes(labels, examples), labels.size(), settings);
    }

    /**
     * The same head fitted exactly from {@code start}'s weights (a head on part of the examples)
     * instead of zero: the same optimum within the tolerance, in fewer iterations.
     */
    public static SoftmaxRegression trainHead(
            List<String> labels,
            Examples examples,
            SentenceEncoder encoder,
            SoftmaxRegression.Exact settings,
            SoftmaxRegression start) {
        return SoftmaxRegression.trainDense(
                vectors(examples, encoder), classes(labels, examples), labels.size(), settings, start);
    }

    private static float[][] vectors(Examples examples, SentenceEncoder encoder) {
        float[][] xs = new float[examples.size()][];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = encoder.encode(examples.texts().get(i));
        }
        return xs;
    }

    private static int[] classes(List<String> labels, Examples examples) {
        int[] ys = new int[examples.size()];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = labels.indexOf(examples.intents().get(i));
        }
        return ys;
    }

    @Override
    public List<String> labels() {
        return tfidf.labels();
    }

    @Override
    public List<IntentModel.Scored> rank(String text) {
        double[] score = head.logProbabilities(dense(encoder.encode(text)));
        if (weight != 0) { // a head alone (Chinese's) asks nothing of the TF-IDF model
            double[] lexical = tfidf.logProbabilities(text);
            for (int k = 0; k < score.length; k++) {
                score[k] += weight * lexical[k];
            }
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

    /** The weight, the encoder's head and the thresholds (the TF-IDF model is cached on its own). */
    public void writeHead(DataOutputStream out) throws IOException {
        out.writeDouble(weight);
        head.write(out);
        sure.write(out);
    }

    public static BlendedModel readHead(DataInputStream in, IntentModel tfidf, SentenceEncoder encoder)
            throws IOException {
        double weight = in.readDouble();
        SoftmaxRegression head = SoftmaxRegression.read(in);
        return new BlendedModel(tfidf, encoder, head, weight, SureThresholds.read(in));
    }
}
