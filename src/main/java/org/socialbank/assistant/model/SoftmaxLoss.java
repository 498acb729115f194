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
 *
 * <p>Dense examples (a sentence encoder's vectors) are kept as one float matrix and worked
 * {@link #BLOCK} at a time: each row of W is read once per block instead of once per example,
 * which keeps it in the core's first-level cache. Every sum still runs over the same terms in
 * the same order as for the same examples given sparse (each score from the bias over the
 * features in order, each gradient entry over the examples in order), so the two give the same
 * bits ({@code SoftmaxRegressionUnitTests}).
 */
final class SoftmaxLoss implements Lbfgs.Objective {

    static final int CHUNKS = 2;
    /** Examples per block of the dense path: 16 rows of scores (77 classes) are 10 KB. */
    static final int BLOCK = 16;

    private final List<SparseVector> xs; // empty when dense
    private final float[] dense; // row-major n x features, or empty when sparse
    private final int n;
    private final int[] labels;
    private final int classes;
    private final int features;
    private final double c;
    private final double[][] partial;
    private final double[] partialLoss = new double[CHUNKS];

    SoftmaxLoss(List<SparseVector> xs, int[] labels, int classes, int features, double c) {
        this(xs, new float[0], xs.size(), labels, classes, features, c);
    }

    private SoftmaxLoss(
            List<SparseVector> xs, float[] dense, int n, int[] labels, int classes, int features, double c) {
        this.xs = xs;
        this.dense = dense;
        this.n = n;
        this.labels = labels;
        this.classes = classes;
        this.features = features;
        this.c = c;
        this.partial = new double[CHUNKS][features * classes + classes];
    }

    /** The same objective on dense rows, each of {@code features} numbers. */
    static SoftmaxLoss dense(float[][] rows, int[] labels, int classes, int features, double c) {
        if ((long) rows.length * features > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many dense examples for one matrix");
        }
        float[] matrix = new float[rows.length * features];
        for (int e = 0; e < rows.length; e++) {
            if (rows[e].length != features) {
                throw new IllegalArgumentException("every dense example has " + features + " features");
            }
            System.arraycopy(rows[e], 0, matrix, e * features, features);
        }
        return new SoftmaxLoss(List.of(), matrix, rows.length, labels, classes, features, c);
    }

    int parameters() {
        return features * classes + classes;
    }

    @Override
    public double evaluate(double[] theta, double[] gradient) {
        IntStream.range(0, CHUNKS).parallel().forEach(chunk -> partialLoss[chunk] = chunk(chunk, theta));
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
        int from = (int) ((long) n * chunk / CHUNKS);
        int to = (int) ((long) n * (chunk + 1) / CHUNKS);
        if (dense.length > 0) {
            return denseChunk(from, to, theta, g);
        }
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
            loss += residual(p, 0, labels[e]);
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

    /**
     * {@link #chunk} for the dense rows {@code from..to}, {@link #BLOCK} at a time. Four terms are
     * added per pass, left to right ({@code s = s + a + b + c + d} is {@code (((s + a) + b) + c) + d}
     * in Java), so each sum takes its terms in the same order as one at a time, with a quarter of
     * the loads and stores of the partial sums.
     */
    private double denseChunk(int from, int to, double[] theta, double[] g) {
        int weights = features * classes;
        double[] p = new double[BLOCK * classes];
        double[] v = new double[BLOCK * features]; // the block's rows as doubles, feature-major
        double loss = 0;
        for (int start = from; start < to; start += BLOCK) {
            int size = Math.min(BLOCK, to - start);
            for (int b = 0; b < size; b++) {
                System.arraycopy(theta, weights, p, b * classes, classes);
                for (int f = 0; f < features; f++) {
                    v[f * BLOCK + b] = dense[(start + b) * features + f];
                }
            }
            scores(theta, v, p, size);
            for (int b = 0; b < size; b++) {
                loss += residual(p, b * classes, labels[start + b]);
            }
            gradient(g, v, p, size);
            for (int b = 0; b < size; b++) {
                int row = b * classes;
                for (int k = 0; k < classes; k++) {
                    g[weights + k] += p[row + k];
                }
            }
        }
        return loss;
    }

    /**
     * p[b] += sum over the features f, in order, of v[f][b] * W[f]. Two examples at a time share
     * each load of W's four rows (every sum still takes its terms in the same order: the same bits).
     */
    private void scores(double[] theta, double[] v, double[] p, int size) {
        int f = 0;
        for (; f + 4 <= features; f += 4) {
            int w0 = f * classes;
            int w1 = w0 + classes;
            int w2 = w1 + classes;
            int w3 = w2 + classes;
            int b = 0;
            for (; b + 2 <= size; b += 2) {
                double v0 = v[f * BLOCK + b];
                double v1 = v[(f + 1) * BLOCK + b];
                double v2 = v[(f + 2) * BLOCK + b];
                double v3 = v[(f + 3) * BLOCK + b];
                double u0 = v[f * BLOCK + b + 1];
                double u1 = v[(f + 1) * BLOCK + b + 1];
                double u2 = v[(f + 2) * BLOCK + b + 1];
                double u3 = v[(f + 3) * BLOCK + b + 1];
                int row = b * classes;
                twoRows(p, row, row + classes, theta, w0, w1, w2, w3, v0, v1, v2, v3, u0, u1, u2, u3);
            }
            for (; b < size; b++) {
                oneRow(
                        p,
                        b * classes,
                        theta,
                        w0,
                        w1,
                        w2,
                        w3,
                        v[f * BLOCK + b],
                        v[(f + 1) * BLOCK + b],
                        v[(f + 2) * BLOCK + b],
                        v[(f + 3) * BLOCK + b]);
            }
        }
        for (; f < features; f++) {
            int w0 = f * classes;
            for (int b = 0; b < size; b++) {
                double v0 = v[f * BLOCK + b];
                int row = b * classes;
                for (int k = 0; k < classes; k++) {
                    p[row + k] += v0 * theta[w0 + k];
                }
            }
        }
    }

    /**
     * g[f] += sum over the block's examples b, in order, of v[f][b] * p[b]. Two features at a time
     * share each load of the four examples' rows of p (every sum in the same order: the same bits).
     */
    private void gradient(double[] g, double[] v, double[] p, int size) {
        int f = 0;
        for (; f + 2 <= features; f += 2) {
            int base = f * classes;
            int other = base + classes;
            int at = f * BLOCK;
            int at1 = at + BLOCK;
            int b = 0;
            for (; b + 4 <= size; b += 4) {
                double v0 = v[at + b];
                double v1 = v[at + b + 1];
                double v2 = v[at + b + 2];
                double v3 = v[at + b + 3];
                double u0 = v[at1 + b];
                double u1 = v[at1 + b + 1];
                double u2 = v[at1 + b + 2];
                double u3 = v[at1 + b + 3];
                int r0 = b * classes;
                twoRows(
                        g,
                        base,
                        other,
                        p,
                        r0,
                        r0 + classes,
                        r0 + 2 * classes,
                        r0 + 3 * classes,
                        v0,
                        v1,
                        v2,
                        v3,
                        u0,
                        u1,
                        u2,
                        u3);
            }
            for (; b < size; b++) {
                double v0 = v[at + b];
                double u0 = v[at1 + b];
                int r0 = b * classes;
                for (int k = 0; k < classes; k++) {
                    g[base + k] += v0 * p[r0 + k];
                    g[other + k] += u0 * p[r0 + k];
                }
            }
        }
        for (; f < features; f++) {
            gradientOf(f, g, v, p, size);
        }
    }

    /**
     * out[o0 + k] += a0 x in[i0 + k] + ... + a3 x in[i3 + k], and out[o1 + k] likewise with c0..c3,
     * for every class k, the four terms added left to right: two rows of sums that share each
     * load of the four input rows (the scores' two examples, the gradient's two features).
     */
    private void twoRows(
            double[] out,
            int o0,
            int o1,
            double[] in,
            int i0,
            int i1,
            int i2,
            int i3,
            double a0,
            double a1,
            double a2,
            double a3,
            double c0,
            double c1,
            double c2,
            double c3) {
        for (int k = 0; k < classes; k++) {
            double x0 = in[i0 + k];
            double x1 = in[i1 + k];
            double x2 = in[i2 + k];
            double x3 = in[i3 + k];
            out[o0 + k] = out[o0 + k] + a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
            out[o1 + k] = out[o1 + k] + c0 * x0 + c1 * x1 + c2 * x2 + c3 * x3;
        }
    }

    /** {@link #twoRows} for one row: out[o + k] += a0 x in[i0 + k] + ... + a3 x in[i3 + k], left to right. */
    private void oneRow(
            double[] out,
            int o,
            double[] in,
            int i0,
            int i1,
            int i2,
            int i3,
            double a0,
            double a1,
            double a2,
            double a3) {
        for (int k = 0; k < classes; k++) {
            out[o + k] = out[o + k] + a0 * in[i0 + k] + a1 * in[i1 + k] + a2 * in[i2 + k] + a3 * in[i3 + k];
        }
    }

    /** {@link #gradient} for feature {@code f} alone (the last one, when the features are odd). */
    private void gradientOf(int f, double[] g, double[] v, double[] p, int size) {
        int base = f * classes;
        int at = f * BLOCK;
        int b = 0;
        for (; b + 4 <= size; b += 4) {
            int r0 = b * classes;
            oneRow(
                    g,
                    base,
                    p,
                    r0,
                    r0 + classes,
                    r0 + 2 * classes,
                    r0 + 3 * classes,
                    v[at + b],
                    v[at + b + 1],
                    v[at + b + 2],
                    v[at + b + 3]);
        }
        for (; b < size; b++) {
            double v0 = v[at + b];
            int r0 = b * classes;
            for (int k = 0; k < classes; k++) {
                g[base + k] += v0 * p[r0 + k];
            }
        }
    }

    /**
     * Turns one example's scores {@code p[at..at+classes)} into softmax minus the one-hot of
     * {@code y} (the gradient of its cross-entropy by the scores) and returns the cross-entropy.
     */
    private double residual(double[] p, int at, int y) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, p[at + k]);
        }
        double own = p[at + y] - max;
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            p[at + k] = Math.exp(p[at + k] - max);
            sum += p[at + k];
        }
        for (int k = 0; k < classes; k++) {
            p[at + k] /= sum;
        }
        p[at + y] -= 1;
        return Math.log(sum) - own;
    }
}
