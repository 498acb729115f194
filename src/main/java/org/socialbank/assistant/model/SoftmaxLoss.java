package org.socialbank.assistant.model;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The objective of a multinomial logistic regression, scaled by 1/n: the mean cross-entropy plus
 * ||W||^2 / (2 C n), the bias not penalized (scikit-learn's {@code C * sum(CE) + ||W||^2 / 2}
 * divided by {@code C n}: the same minimum). The parameters are W feature-major
 * ({@code x[f * classes + k]}) followed by the bias. The examples are cut into {@link #CHUNKS}
 * fixed parts whose sums run in parallel and are added in a fixed order, so the value and the
 * gradient do not depend on the number of threads or their timing.
 */
final class SoftmaxLoss implements Lbfgs.Objective {

    static final int CHUNKS = 2;

    private final List<SparseVector> xs;
    private final int[] labels;
    private final int classes;
    private final int features;
    private final double c;
    private final double[][] partial;
    private final double[] partialLoss = new double[CHUNKS];

    SoftmaxLoss(List<SparseVector> xs, int[] labels, int classes, int features, double c) {
        this.xs = xs;
        this.labels = labels;
        this.classes = classes;
        this.features = features;
        this.c = c;
        this.partial = new double[CHUNKS][features * classes + classes];
    }

    int parameters() {
        return features * classes + classes;
    }

    @Override
    public double evaluate(double[] theta, double[] gradient) {
        IntStream.range(0, CHUNKS).parallel().forEach(chunk -> partialLoss[chunk] = chunk(chunk, theta));
        int n = xs.size();
        int weights = features * classes;
        double loss = 0;
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            loss += partialLoss[chunk];
        }
        double penalty = 0;
        double lambda = 1 / (c * n);
        for (int i = 0; i < gradient.length; i++) {
            double sum = 0;
            for (int chunk = 0; chunk < CHUNKS; chunk++) {
                sum += partial[chunk][i];
            }
            gradient[i] = sum / n;
            if (i < weights) {
                gradient[i] += lambda * theta[i];
                penalty += theta[i] * theta[i];
            }
        }
        return loss / n + lambda * penalty / 2;
    }

    /** The cross-entropy summed over one chunk, its gradient into {@code partial[chunk]}. */
    private double chunk(int chunk, double[] theta) {
        double[] g = partial[chunk];
        java.util.Arrays.fill(g, 0);
        int weights = features * classes;
        int from = (int) ((long) xs.size() * chunk / CHUNKS);
        int to = (int) ((long) xs.size() * (chunk + 1) / CHUNKS);
        double loss = 0;
        double[] p = new double[classes];
        for (int e = from; e < to; e++) {
            SparseVector x = xs.get(e);
            int[] indices = x.indices();
            double[] values = x.values();
            System.arraycopy(theta, weights, p, 0, classes);
            for (int j = 0; j < indices.length; j++) {
                int base = indices[j] * classes;
                double v = values[j];
                for (int k = 0; k < classes; k++) {
                    p[k] += v * theta[base + k];
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, p[k]);
            }
            int y = labels[e];
            double own = p[y] - max;
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                p[k] = Math.exp(p[k] - max);
                sum += p[k];
            }
            loss += Math.log(sum) - own;
            for (int k = 0; k < classes; k++) {
                p[k] /= sum;
            }
            p[y] -= 1;
            for (int j = 0; j < indices.length; j++) {
                int base = indices[j] * classes;
                double v = values[j];
                for (int k = 0; k < classes; k++) {
                    g[base + k] += v * p[k];
                }
            }
            for (int k = 0; k < classes; k++) {
                g[weights + k] += p[k];
            }
        }
        return loss;
    }
}
