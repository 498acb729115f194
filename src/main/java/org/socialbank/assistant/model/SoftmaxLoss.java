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
    /** Each chunk's gradient of the weights, one array per feature (see {@link #denseChunk}). */
    private final double[][][] partial;
    /** Each chunk's gradient of the bias. */
    private final double[][] partialBias;

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
        this.partial = new double[CHUNKS][features][classes];
        this.partialBias = new double[CHUNKS][classes];
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
        double[][] w = rows(theta);
        IntStream.range(0, CHUNKS).parallel().forEach(chunk -> partialLoss[chunk] = chunk(chunk, theta, w));
        int weights = features * classes;
        double loss = 0;
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            loss += partialLoss[chunk];
        }
        double penalty = 0;
        double lambda = 1 / (c * n);
        for (int f = 0; f < features; f++) {
            for (int k = 0; k < classes; k++) {
                int i = f * classes + k;
                double sum = 0;
                for (int chunk = 0; chunk < CHUNKS; chunk++) {
                    sum += partial[chunk][f][k];
                }
                gradient[i] = sum / n + lambda * theta[i];
                penalty += theta[i] * theta[i];
            }
        }
        for (int k = 0; k < classes; k++) {
            double sum = 0;
            for (int chunk = 0; chunk < CHUNKS; chunk++) {
                sum += partialBias[chunk][k];
            }
            gradient[weights + k] = sum / n;
        }
        return loss / n + lambda * penalty / 2;
    }

    /** W's rows, feature by feature, each a copy of its classes' weights in {@code theta}. */
    private double[][] rows(double[] theta) {
        double[][] rows = new double[features][];
        for (int f = 0; f < features; f++) {
            rows[f] = java.util.Arrays.copyOfRange(theta, f * classes, (f + 1) * classes);
        }
        return rows;
    }

    /**
     * The cross-entropy summed over one chunk, its gradient into {@code partial[chunk]} and
     * {@code partialBias[chunk]}; {@code w} is W as one array per feature.
     */
    private double chunk(int chunk, double[] theta, double[][] w) {
        double[][] g = partial[chunk];
        for (double[] row : g) {
            java.util.Arrays.fill(row, 0);
        }
        double[] gBias = partialBias[chunk];
        java.util.Arrays.fill(gBias, 0);
        int weights = features * classes;
        int from = (int) ((long) n * chunk / CHUNKS);
        int to = (int) ((long) n * (chunk + 1) / CHUNKS);
        if (dense.length > 0) {
            return denseChunk(from, to, theta, w, g, gBias);
        }
        double loss = 0;
        double[] p = new double[classes];
        for (int e = from; e < to; e++) {
            SparseVector x = xs.get(e);
            int[] indices = x.indices();
            double[] values = x.values();
            System.arraycopy(theta, weights, p, 0, classes);
            for (int j = 0; j < indices.length; j++) {
                axpy(p, values[j], w[indices[j]]);
            }
            loss += residual(p, 0, labels[e]);
            for (int j = 0; j < indices.length; j++) {
                axpy(g[indices[j]], values[j], p);
            }
            for (int k = 0; k < classes; k++) {
                gBias[k] += p[k];
            }
        }
        return loss;
    }

    /**
     * {@link #chunk} for the dense rows {@code from..to}, {@link #BLOCK} at a time. W, the block's
     * scores and the chunk's gradient are held as one array per row ({@code w[f]} the weights of
     * feature f over the classes), so that every inner loop reads and writes whole rows from their
     * start: the JIT then works four or eight classes per instruction (SIMD), which it cannot prove
     * safe for two rows at offsets of one array. Four terms are added per pass, left to right
     * ({@code s = s + a + b + c + d} is {@code (((s + a) + b) + c) + d} in Java), so each sum takes
     * its terms in the same order as one at a time: the same bits, with a quarter of the loads and
     * stores of the partial sums.
     */
    private double denseChunk(int from, int to, double[] theta, double[][] w, double[][] g, double[] gBias) {
        int weights = features * classes;
        double[][] p = new double[BLOCK][classes];
        double[] v = new double[BLOCK * features]; // the block's rows as doubles, feature-major
        double loss = 0;
        for (int start = from; start < to; start += BLOCK) {
            int size = Math.min(BLOCK, to - start);
            for (int b = 0; b < size; b++) {
                System.arraycopy(theta, weights, p[b], 0, classes);
                for (int f = 0; f < features; f++) {
                    v[f * BLOCK + b] = dense[(start + b) * features + f];
                }
            }
            scores(w, v, p, size);
            for (int b = 0; b < size; b++) {
                loss += residual(p[b], 0, labels[start + b]);
            }
            gradient(g, v, p, size);
            for (int b = 0; b < size; b++) {
                double[] row = p[b];
                for (int k = 0; k < classes; k++) {
                    gBias[k] += row[k];
                }
            }
        }
        return loss;
    }

    /**
     * p[b] += sum over the features f, in order, of v[f][b] * w[f]. Two examples at a time share
     * each load of W's four rows (every sum still takes its terms in the same order: the same bits).
     */
    private void scores(double[][] w, double[] v, double[][] p, int size) {
        int f = 0;
        for (; f + 4 <= features; f += 4) {
            double[] w0 = w[f];
            double[] w1 = w[f + 1];
            double[] w2 = w[f + 2];
            double[] w3 = w[f + 3];
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
                twoRows(p[b], p[b + 1], w0, w1, w2, w3, v0, v1, v2, v3, u0, u1, u2, u3);
            }
            for (; b < size; b++) {
                oneRow(
                        p[b],
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
            double[] w0 = w[f];
            for (int b = 0; b < size; b++) {
                axpy(p[b], v[f * BLOCK + b], w0);
            }
        }
    }

    /**
     * g[f] += sum over the block's examples b, in order, of v[f][b] * p[b]. Two features at a time
     * share each load of the four examples' rows of p (every sum in the same order: the same bits).
     */
    private void gradient(double[][] g, double[] v, double[][] p, int size) {
        int f = 0;
        for (; f + 2 <= features; f += 2) {
            double[] g0 = g[f];
            double[] g1 = g[f + 1];
            int at = f * BLOCK;
            int at1 = at + BLOCK;
            int b = 0;
            for (; b + 4 <= size; b += 4) {
                twoRows(
                        g0,
                        g1,
                        p[b],
                        p[b + 1],
                        p[b + 2],
                        p[b + 3],
                        v[at + b],
                        v[at + b + 1],
                        v[at + b + 2],
                        v[at + b + 3],
                        v[at1 + b],
                        v[at1 + b + 1],
                        v[at1 + b + 2],
                        v[at1 + b + 3]);
            }
            for (; b < size; b++) {
                axpy(g0, v[at + b], p[b]);
                axpy(g1, v[at1 + b], p[b]);
            }
        }
        for (; f < features; f++) {
            double[] g0 = g[f];
            int at = f * BLOCK;
            int b = 0;
            for (; b + 4 <= size; b += 4) {
                oneRow(g0, p[b], p[b + 1], p[b + 2], p[b + 3], v[at + b], v[at + b + 1], v[at + b + 2], v[at + b + 3]);
            }
            for (; b < size; b++) {
                axpy(g0, v[at + b], p[b]);
            }
        }
    }

    /**
     * out0[k] += a0 x in0[k] + ... + a3 x in3[k], and out1[k] likewise with c0..c3, for every class
     * k, the four terms added left to right: two rows of sums that share each load of the four
     * input rows (the scores' two examples, the gradient's two features).
     */
    private void twoRows(
            double[] out0,
            double[] out1,
            double[] in0,
            double[] in1,
            double[] in2,
            double[] in3,
            double a0,
            double a1,
            double a2,
            double a3,
            double c0,
            double c1,
            double c2,
            double c3) {
        for (int k = 0; k < classes; k++) {
            double x0 = in0[k];
            double x1 = in1[k];
            double x2 = in2[k];
            double x3 = in3[k];
            out0[k] = out0[k] + a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
            out1[k] = out1[k] + c0 * x0 + c1 * x1 + c2 * x2 + c3 * x3;
        }
    }

    /** {@link #twoRows} for one row: out[k] += a0 x in0[k] + ... + a3 x in3[k], left to right. */
    private void oneRow(
            double[] out,
            double[] in0,
            double[] in1,
            double[] in2,
            double[] in3,
            double a0,
            double a1,
            double a2,
            double a3) {
        for (int k = 0; k < classes; k++) {
            out[k] = out[k] + a0 * in0[k] + a1 * in1[k] + a2 * in2[k] + a3 * in3[k];
        }
    }

    /** out[k] += a x in[k] for every class k. */
    private void axpy(double[] out, double a, double[] in) {
        for (int k = 0; k < classes; k++) {
            out[k] += a * in[k];
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
