package org.socialbank.assistant.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the heads are fitted exactly (L-BFGS, the assistant study's recipe) and
 * deterministically, on seeded synthetic problems small enough to run in milliseconds.
 */
class SoftmaxRegressionUnitTests {

    static final long SEED = 77;

    /** A seeded problem: {@code classes} Gaussian clouds in {@code features} dimensions, overlapping. */
    record Problem(List<SparseVector> xs, int[] ys, int classes, int features) {

        static Problem seeded(long seed, int n, int classes, int features) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] centres = new double[classes][features];
            for (double[] c : centres) {
                for (int f = 0; f < features; f++) {
                    c[f] = random.nextDouble(-1, 1);
                }
            }
            List<SparseVector> xs = new ArrayList<>(n);
            int[] ys = new int[n];
            for (int i = 0; i < n; i++) {
                ys[i] = i % classes;
                float[] x = new float[features];
                for (int f = 0; f < features; f++) {
                    x[f] = (float) (centres[ys[i]][f] + random.nextGaussian() * 0.8);
                }
                xs.add(BlendedModel.dense(x));
            }
            return new Problem(xs, ys, classes, features);
        }
    }

    @Test
    void lbfgsFindsTheMinimumOfAQuadraticExactly() {
        // f(x) = sum_i (i + 1) (x_i - i)^2 / 2: the minimum is x_i = i
        Lbfgs.Objective quadratic = (x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                g[i] = (i + 1) * (x[i] - i);
                f += (i + 1) * (x[i] - i) * (x[i] - i) / 2;
            }
            return f;
        };
        double[] x = new double[20];
        Lbfgs.Result result = Lbfgs.minimize(quadratic, x, 10, 200, 1e-10, 1e-30);
        assertThat(result.converged()).as(result.toString()).isTrue();
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).isCloseTo(i, org.assertj.core.data.Offset.offset(1e-8));
        }
    }

    @Test
    void theExactFitReachesTheOptimumWhereSgdStopsShortOfIt() {
        Problem p = Problem.seeded(SEED, 600, 5, 12);
        SoftmaxLoss loss = new SoftmaxLoss(p.xs(), p.ys(), p.classes(), p.features(), 30);
        double[] theta = new double[loss.parameters()];
        Lbfgs.Result exact = Lbfgs.minimize(loss, theta, 10, 1000, 1e-9, 1e-16);
        assertThat(exact.gradientMax()).as(exact.toString()).isLessThan(1e-7);
        // every coordinate is at the bottom: a small move either way raises the objective
        double[] g = new double[theta.length];
        for (int i = 0; i < theta.length; i += 7) {
            double[] moved = theta.clone();
            moved[i] += 1e-3;
            assertThat(loss.evaluate(moved, g)).isGreaterThan(exact.value());
            moved[i] -= 2e-3;
            assertThat(loss.evaluate(moved, g)).isGreaterThan(exact.value());
        }
    }

    @Test
    void twoExactTrainingsGiveTheSameWeightsBitForBitAndTheSamePredictions() throws IOException {
        Problem p = Problem.seeded(SEED, 900, 7, 40);
        SoftmaxRegression.Exact exact = new SoftmaxRegression.Exact(30, 200, 1e-6);
        SoftmaxRegression a = SoftmaxRegression.train(p.xs(), p.ys(), p.classes(), p.features(), exact);
        SoftmaxRegression b = SoftmaxRegression.train(p.xs(), p.ys(), p.classes(), p.features(), exact);
        assertThat(bytes(b)).isEqualTo(bytes(a));
        for (SparseVector x : p.xs().subList(0, 100)) {
            assertThat(b.probabilities(x)).isEqualTo(a.probabilities(x));
        }
    }

    @Test
    void theChunkedGradientIsTheFiniteDifferenceOfTheObjective() {
        Problem p = Problem.seeded(SEED + 1, 90, 3, 4);
        SoftmaxLoss loss = new SoftmaxLoss(p.xs(), p.ys(), p.classes(), p.features(), 0.5);
        SplittableRandom random = new SplittableRandom(SEED);
        double[] theta = new double[loss.parameters()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = random.nextDouble(-1, 1);
        }
        double[] g = new double[theta.length];
        loss.evaluate(theta, g);
        double[] ignored = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += 1e-6;
            down[i] -= 1e-6;
            double numeric = (loss.evaluate(up, ignored) - loss.evaluate(down, ignored)) / 2e-6;
            assertThat(g[i]).as("parameter %d", i).isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    private static byte[] bytes(SoftmaxRegression model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        model.write(data);
        data.flush();
        return out.toByteArray();
    }
}
