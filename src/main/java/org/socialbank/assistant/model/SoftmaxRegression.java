package org.socialbank.assistant.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Multinomial logistic regression: the mean cross-entropy plus an L2 penalty ||W||^2 / (2 C n)
 * (the bias is not penalized), minimized either exactly by L-BFGS ({@link Exact}, the assistant
 * study's recipe) or approximately by stochastic gradient descent ({@link Settings}). Both are
 * deterministic: the same examples and settings give bit-identical weights.
 */
public final class SoftmaxRegression {

    /** How a head is trained. */
    public sealed interface Training permits Settings, Exact {}

    /**
     * The exact optimum by L-BFGS (memory 10) from zero weights.
     *
     * @param c the inverse strength of the L2 penalty, as scikit-learn's {@code C}
     * @param iterationsMax the most L-BFGS iterations
     * @param tolerance stop when the scaled objective's gradient has no entry above it, or an
     *     iteration lowers the objective by less than {@code tolerance / 1000} of its value
     */
    public record Exact(double c, int iterationsMax, double tolerance) implements Training {

        public static final int MEMORY = 10;

        public Exact {
            if (!(c > 0) || iterationsMax < 1 || iterationsMax > 100_000 || !(tolerance > 0)) {
                throw new IllegalArgumentException("c > 0, iterationsMax 1..100000 and tolerance > 0 are required");
            }
        }
    }

    /**
     * @param epochs passes over the examples
     * @param learningRate the first step size; step t uses learningRate / (1 + t / decaySteps)
     * @param c the inverse strength of the L2 penalty, as scikit-learn's {@code C}
     * @param seed the seed of the shuffle
     */
    public record Settings(int epochs, double learningRate, double c, long seed) implements Training {

        public Settings {
            if (epochs < 1 || epochs > 1000 || !(learningRate > 0) || !(c > 0)) {
                throw new IllegalArgumentException("epochs 1..1000, learningRate > 0 and c > 0 are required");
            }
        }
    }

    private final int classes;
    private final int features;
    /**
     * Feature-major, one array per feature ({@code weights[f][k]}): every loop over the classes
     * then runs over whole arrays from their start, which the JIT works several classes per
     * instruction (SIMD) and cannot for rows at offsets of one array (same bits either way).
     */
    private final double[][] weights;

    private final double[] bias;

    private SoftmaxRegression(int classes, int features, double[][] weights, double[] bias) {
        this.classes = classes;
        this.features = features;
        this.weights = weights;
        this.bias = bias;
    }

    public static SoftmaxRegression train(
            List<SparseVector> xs, int[] labels, int classes, int features, Training training) {
        SoftmaxRegression model =
                new SoftmaxRegression(classes, features, new double[features][classes], new double[classes]);
        if (training instanceof Exact exact) {
            Optional<float[][]> rows = denseRows(xs, features);
            SoftmaxLoss loss = rows.isPresent()
                    ? SoftmaxLoss.dense(rows.get(), labels, classes, features, exact.c())
                    : new SoftmaxLoss(xs, labels, classes, features, exact.c());
            model.fitExactly(loss, exact);
        } else {
            model.fit(xs, labels, (Settings) training);
        }
        return model.roundedToFloat();
    }

    /**
     * A head on dense rows (a sentence encoder's vectors): the same bits as {@link #train} on the
     * same rows given as sparse vectors.
     */
    public static SoftmaxRegression trainDense(float[][] xs, int[] labels, int classes, Training training) {
        if (!(training instanceof Exact exact)) {
            return train(sparse(xs), labels, classes, xs[0].length, training);
        }
        SoftmaxRegression model =
                new SoftmaxRegression(classes, xs[0].length, new double[xs[0].length][classes], new double[classes]);
        model.fitExactly(SoftmaxLoss.dense(xs, labels, classes, xs[0].length, exact.c()), exact);
        return model.roundedToFloat();
    }

    /**
     * The exact optimum on dense rows, L-BFGS started from {@code start}'s weights instead of
     * zero: a head fitted on part of the same examples is near this optimum, so fewer iterations
     * reach the same tolerance. Deterministic as any exact fit (the same rows and start give the
     * same bits); not the same bits as a fit from zero, but the same optimum within the tolerance.
     */
    public static SoftmaxRegression trainDense(
            float[][] xs, int[] labels, int classes, Exact exact, SoftmaxRegression start) {
        int features = xs[0].length;
        if (start.classes != classes || start.features != features) {
            throw new IllegalArgumentException("the start has other classes or features");
        }
        SoftmaxRegression model = new SoftmaxRegression(classes, features, copy(start.weights), start.bias.clone());
        model.fitExactly(SoftmaxLoss.dense(xs, labels, classes, features, exact.c()), exact);
        return model.roundedToFloat();
    }

    /** The weights as stored (float), so that a loaded model answers as the trained one. */
    private SoftmaxRegression roundedToFloat() {
        for (double[] row : weights) {
            for (int k = 0; k < classes; k++) {
                row[k] = (float) row[k];
            }
        }
        return this;
    }

    private static double[][] copy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int f = 0; f < rows.length; f++) {
            copy[f] = rows[f].clone();
        }
        return copy;
    }

    /** The rows as floats when every vector is dense (all features, in order) and float-exact: then the dense path. */
    private static Optional<float[][]> denseRows(List<SparseVector> xs, int features) {
        float[][] rows = new float[xs.size()][];
        for (int e = 0; e < rows.length; e++) {
            SparseVector x = xs.get(e);
            if (x.size() != features) {
                return Optional.empty();
            }
            float[] row = new float[features];
            for (int j = 0; j < features; j++) {
                row[j] = (float) x.values()[j];
                if (x.indices()[j] != j || row[j] != x.values()[j]) {
                    return Optional.empty();
                }
            }
            rows[e] = row;
        }
        return rows.length == 0 ? Optional.empty() : Optional.of(rows);
    }

    private static List<SparseVector> sparse(float[][] xs) {
        List<SparseVector> list = new ArrayList<>(xs.length);
        for (float[] x : xs) {
            list.add(BlendedModel.dense(x));
        }
        return list;
    }

    /**
     * What the last exact fit in this JVM did, for the benchmark's report only (the benchmark fits
     * one head at a time; no answer of the bank reads it). Not a ThreadLocal (CodeHealthTests).
     */
    private static volatile Lbfgs.Result lastFit;

    /** The iterations, objective and convergence of the last exact fit in this JVM, if any. */
    public static String lastFit() {
        Lbfgs.Result result = lastFit;
        return result == null ? "none" : result.toString();
    }

    /** Minimizes {@code loss} from this model's weights (zero, or a warm start's). */
    private void fitExactly(SoftmaxLoss loss, Exact exact) {
        double[] theta = new double[loss.parameters()];
        for (int f = 0; f < features; f++) {
            System.arraycopy(weights[f], 0, theta, f * classes, classes);
        }
        System.arraycopy(bias, 0, theta, features * classes, classes);
        lastFit = Lbfgs.minimize(
                loss, theta, Exact.MEMORY, exact.iterationsMax(), exact.tolerance(), exact.tolerance() / 1000);
        for (int f = 0; f < features; f++) {
            System.arraycopy(theta, f * classes, weights[f], 0, classes);
        }
        System.arraycopy(theta, features * classes, bias, 0, classes);
    }

    public int classes() {
        return classes;
    }

    /** The probability of each class. */
    public double[] probabilities(SparseVector x) {
        double[] scores = scores(x, 1);
        softmaxInPlace(scores);
        return scores;
    }

    /** The log-probability of each class. */
    public double[] logProbabilities(SparseVector x) {
        double[] scores = scores(x, 1);
        double max = max(scores);
        double sum = 0;
        for (double s : scores) {
            sum += Math.exp(s - max);
        }
        double log = max + Math.log(sum);
        for (int k = 0; k < scores.length; k++) {
            scores[k] -= log;
        }
        return scores;
    }

    private void fit(List<SparseVector> xs, int[] labels, Settings settings) {
        int n = xs.size();
        double lambda = 1.0 / (settings.c() * n);
        double decaySteps = n; // the step halves after one epoch, thirds after two...
        double scale = 1;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        long step = 0;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int i : order) {
                double lr = settings.learningRate() / (1 + step++ / decaySteps);
                SparseVector x = xs.get(i);
                double[] g = scores(x, scale);
                softmaxInPlace(g);
                g[labels[i]] -= 1;
                scale *= 1 - lr * lambda;
                if (scale < 1e-6) {
                    foldScale(scale);
                    scale = 1;
                }
                update(x, g, lr / scale);
                for (int k = 0; k < classes; k++) {
                    bias[k] -= lr * g[k];
                }
            }
        }
        foldScale(scale);
    }

    private double[] scores(SparseVector x, double scale) {
        double[] scores = new double[classes];
        int[] indices = x.indices();
        double[] values = x.values();
        for (int j = 0; j < indices.length; j++) {
            double[] row = weights[indices[j]];
            double v = values[j] * scale;
            for (int k = 0; k < classes; k++) {
                scores[k] += v * row[k];
            }
        }
        for (int k = 0; k < classes; k++) {
            scores[k] += bias[k];
        }
        return scores;
    }

    private void update(SparseVector x, double[] gradient, double step) {
        int[] indices = x.indices();
        double[] values = x.values();
        for (int j = 0; j < indices.length; j++) {
            double[] row = weights[indices[j]];
            double v = values[j] * step;
            for (int k = 0; k < classes; k++) {
                row[k] -= v * gradient[k];
            }
        }
    }

    private void foldScale(double scale) {
        for (double[] row : weights) {
            for (int k = 0; k < classes; k++) {
                row[k] *= scale;
            }
        }
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    static void softmaxInPlace(double[] scores) {
        double max = max(scores);
        double sum = 0;
        for (int k = 0; k < scores.length; k++) {
            scores[k] = Math.exp(scores[k] - max);
            sum += scores[k];
        }
        for (int k = 0; k < scores.length; k++) {
            scores[k] /= sum;
        }
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(classes);
        out.writeInt(features);
        for (double[] row : weights) {
            for (double w : row) {
                out.writeFloat((float) w);
            }
        }
        for (double b : bias) {
            out.writeDouble(b);
        }
    }

    static SoftmaxRegression read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int features = in.readInt();
        double[][] weights = new double[features][classes];
        for (double[] row : weights) {
            for (int k = 0; k < classes; k++) {
                row[k] = in.readFloat();
            }
        }
        double[] bias = new double[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = in.readDouble();
        }
        return new SoftmaxRegression(classes, features, weights, bias);
    }
}
