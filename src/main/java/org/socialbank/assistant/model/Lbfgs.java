package org.socialbank.assistant.model;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithm 7.4 with the
 * two-loop recursion 7.5) with a backtracking Armijo line search, for smooth convex objectives.
 * Every sum runs in a fixed order and nothing depends on timing, so the same objective and start
 * give bit-identical iterates.
 */
final class Lbfgs {

    /** A function to minimize: returns f(x) and writes its gradient into {@code gradient}. */
    interface Objective {

        double evaluate(double[] x, double[] gradient);
    }

    /**
     * @param iterations the iterations run
     * @param value the objective at the returned point
     * @param gradientMax the largest absolute entry of its gradient
     * @param converged whether a tolerance stopped it (false: {@code iterationsMax} did)
     */
    record Result(int iterations, double value, double gradientMax, boolean converged) {}

    private static final double ARMIJO = 1e-4;
    private static final int BACKTRACKS_MAX = 40;

    private Lbfgs() {}

    /**
     * Minimizes {@code f} from {@code x} (overwritten with the minimizer). Stops when the gradient's
     * largest entry is at most {@code gradientTolerance}, when an iteration lowers f by less than
     * {@code valueTolerance} relative to f, or after {@code iterationsMax} iterations.
     */
    static Result minimize(
            Objective f, double[] x, int memory, int iterationsMax, double gradientTolerance, double valueTolerance) {
        int n = x.length;
        double[][] s = new double[memory][];
        double[][] y = new double[memory][];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        int stored = 0;
        int newest = -1;
        double[] g = new double[n];
        double[] gNew = new double[n];
        double[] xNew = new double[n];
        double[] d = new double[n];
        double fx = f.evaluate(x, g);
        int iteration = 0;
        while (iteration < iterationsMax) {
            if (maxAbs(g) <= gradientTolerance) {
                return new Result(iteration, fx, maxAbs(g), true);
            }
            direction(g, d, s, y, rho, alpha, stored, newest, memory);
            double slope = dot(g, d);
            if (!(slope < 0)) { // the memory no longer describes a descent direction: start afresh
                stored = 0;
                direction(g, d, s, y, rho, alpha, 0, newest, memory);
                slope = dot(g, d);
            }
            double step = 1;
            double fNew = Double.NaN;
            for (int tries = 0; tries < BACKTRACKS_MAX; tries++, step *= 0.5) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.evaluate(xNew, gNew);
                if (fNew <= fx + ARMIJO * step * slope) {
                    break;
                }
            }
            iteration++;
            if (!(fNew <= fx)) { // no step lowers f at this precision: x is the minimum we can reach
                return new Result(iteration, fx, maxAbs(g), true);
            }
            int slot = (newest + 1) % memory;
            double[] sNew = s[slot] == null ? new double[n] : s[slot];
            double[] yNew = y[slot] == null ? new double[n] : y[slot];
            double sy = 0;
            for (int i = 0; i < n; i++) {
                sNew[i] = xNew[i] - x[i];
                yNew[i] = gNew[i] - g[i];
                sy += sNew[i] * yNew[i];
            }
            s[slot] = sNew;
            y[slot] = yNew;
            if (sy > 1e-12) { // keep the pair only where the curvature is positive (H stays positive definite)
                rho[slot] = 1 / sy;
                newest = slot;
                stored = Math.min(stored + 1, memory);
            } else if (stored == memory) {
                stored--; // the slot held the oldest pair, now overwritten
            }
            double drop = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (drop <= valueTolerance * Math.max(1, Math.abs(fx))) {
                return new Result(iteration, fx, maxAbs(g), true);
            }
        }
        return new Result(iteration, fx, maxAbs(g), false);
    }

    /** d = -H g by the two-loop recursion over the {@code stored} newest pairs; -g / |g| with none. */
    private static void direction(
            double[] g,
            double[] d,
            double[][] s,
            double[][] y,
            double[] rho,
            double[] alpha,
            int stored,
            int newest,
            int memory) {
        int n = g.length;
        for (int i = 0; i < n; i++) {
            d[i] = -g[i];
        }
        if (stored == 0) {
            double norm = Math.sqrt(dot(g, g));
            for (int i = 0; i < n; i++) {
                d[i] /= Math.max(norm, 1e-300);
            }
            return;
        }
        for (int j = 0; j < stored; j++) {
            int slot = Math.floorMod(newest - j, memory);
            alpha[slot] = rho[slot] * dot(s[slot], d);
            axpy(-alpha[slot], y[slot], d);
        }
        double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
        for (int i = 0; i < n; i++) {
            d[i] *= gamma;
        }
        for (int j = stored - 1; j >= 0; j--) {
            int slot = Math.floorMod(newest - j, memory);
            double beta = rho[slot] * dot(y[slot], d);
            axpy(alpha[slot] - beta, s[slot], d);
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double e : v) {
            max = Math.max(max, Math.abs(e));
        }
        return max;
    }
}
