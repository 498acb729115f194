package org.socialbank.assistant.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Multinomial logistic regression trained by stochastic gradient descent on the cross-entropy
 * plus an L2 penalty ||W||^2 / (2 C n) (the bias is not penalized). One thread and a seeded
 * shuffle: the same examples, settings and seed give bit-identical weights.
 */
public final class SoftmaxRegression {

    /**
     * @param epochs passes over the examples
     * @param learningRate the first step size; step t uses learningRate / (1 + t / decaySteps)
     * @param c the inverse strength of the L2 penalty, as scikit-learn's {@code C}
     * @param seed the seed of the shuffle
     */
    public record Settings(int epochs, double learningRate, double c, long seed) {

        public Settings {
            if (epochs < 1 || epochs > 1000 || !(learningRate > 0) || !(c > 0)) {
                throw new IllegalArgumentException("epochs 1..1000, learningRate > 0 and c > 0 are required");
            }
        }
    }

    private final int classes;
    private final int features;
    private final double[] weights; // feature-major: weights[f * classes + k]
    private final double[] bias;

    private SoftmaxRegression(int classes, int features, double[] weights, double[] bias) {
        this.classes = classes;
        this.features = features;
        this.weights = weights;
        this.bias = bias;
    }

    public static SoftmaxRegression train(List<SparseVector> xs, int[] labels, int classes, int features,
            Settings settings) {
        SoftmaxRegression model = new SoftmaxRegression(classes, features, new double[features * classes],
                new double[classes]);
        model.fit(xs, labels, settings);
        return model;
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
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) weights[i]; // as stored, so a loaded model answers as the trained one
        }
    }

    private double[] scores(SparseVector x, double scale) {
        double[] scores = new double[classes];
        int[] indices = x.indices();
        double[] values = x.values();
        for (int j = 0; j < indices.length; j++) {
            int base = indices[j] * classes;
            double v = values[j] * scale;
            for (int k = 0; k < classes; k++) {
                scores[k] += v * weights[base + k];
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
            int base = indices[j] * classes;
            double v = values[j] * step;
            for (int k = 0; k < classes; k++) {
                weights[base + k] -= v * gradient[k];
            }
        }
    }

    private void foldScale(double scale) {
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= scale;
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
        for (double w : weights) {
            out.writeFloat((float) w);
        }
        for (double b : bias) {
            out.writeDouble(b);
        }
    }

    static SoftmaxRegression read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int features = in.readInt();
        double[] weights = new double[classes * features];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        double[] bias = new double[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = in.readDouble();
        }
        return new SoftmaxRegression(classes, features, weights, bias);
    }
}
