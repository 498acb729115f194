package org.socialbank.assistant.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The confidence from which a model's answer for each intent is "sure", calibrated on questions
 * the model did not train on. An intent the model confuses with a neighbour needs more confidence
 * than one it never gets wrong: for each intent, the lowest threshold (on a grid of 0.01, from the
 * floor up) at which the held-out questions the model gives that intent with at least that
 * confidence are right at least {@code accuracy} of the time.
 */
public final class SureThresholds {

    /**
     * @param accuracy the share of sure answers per intent that must be right on held-out questions
     * @param floor the lowest threshold of any intent
     * @param pooled 0, or the share of all intents' sure answers together that must be right: the
     *     floor rises to the lowest threshold (grid 0.01) at which they are, so that an intent with
     *     few held-out answers cannot sit at a floor the language's answers as a whole do not bear
     */
    public record Calibration(double accuracy, double floor, double pooled) {

        public Calibration {
            if (!(accuracy > 0 && accuracy <= 1) || !(floor >= 0 && floor <= 1) || !(pooled >= 0 && pooled <= 1)) {
                throw new IllegalArgumentException("accuracy 0..1, floor 0..1 and pooled 0..1 are required");
            }
        }

        /** Per intent only, no pooled floor. */
        public Calibration(double accuracy, double floor) {
            this(accuracy, floor, 0);
        }

        /** As before the pooled floor when it is off, so the caches keyed by it stay valid. */
        @Override
        public String toString() {
            return "Calibration[accuracy=" + accuracy + ", floor=" + floor + (pooled == 0 ? "" : ", pooled=" + pooled)
                    + "]";
        }
    }

    /** A held-out question's top answer and whether it was right. */
    public record Outcome(String intent, double confidence, boolean right) {}

    private static final double STEP = 0.01;

    private final double[] thresholds;

    private SureThresholds(double[] thresholds) {
        this.thresholds = thresholds;
    }

    /** The same threshold for every intent (a model nobody calibrated). */
    public static SureThresholds uniform(int labels, double threshold) {
        double[] all = new double[labels];
        Arrays.fill(all, threshold);
        return new SureThresholds(all);
    }

    /** The given thresholds, one per label in the model's label order (a cached or hand-set calibration). */
    public static SureThresholds of(double[] thresholds) {
        return new SureThresholds(thresholds.clone());
    }

    /** Each label's threshold from the held-out outcomes whose top answer is that label. */
    public static SureThresholds calibrate(List<String> labels, List<Outcome> outcomes, Calibration calibration) {
        double floor = calibration.pooled() == 0
                ? calibration.floor()
                : lowestAccurate(outcomes, calibration.floor(), calibration.pooled());
        double[] thresholds = new double[labels.size()];
        for (int k = 0; k < thresholds.length; k++) {
            String label = labels.get(k);
            List<Outcome> mine =
                    outcomes.stream().filter(o -> o.intent().equals(label)).toList();
            thresholds[k] = lowestAccurate(mine, floor, calibration.accuracy());
        }
        return new SureThresholds(thresholds);
    }

    private static double lowestAccurate(List<Outcome> outcomes, double floor, double accuracy) {
        int steps = (int) Math.round((1 - floor) / STEP);
        for (int s = 0; s <= steps; s++) {
            double tau = Math.min(1, floor + s * STEP);
            int answered = 0;
            int right = 0;
            for (Outcome o : outcomes) {
                if (o.confidence() >= tau) {
                    answered++;
                    right += o.right() ? 1 : 0;
                }
            }
            if (right >= accuracy * answered) {
                return Math.round(tau * 100) / 100.0;
            }
        }
        return 1;
    }

    /** The threshold of the label at {@code index} (in the model's label order). */
    public double of(int index) {
        return thresholds[index];
    }

    public int size() {
        return thresholds.length;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(thresholds.length);
        for (double t : thresholds) {
            out.writeDouble(t);
        }
    }

    static SureThresholds read(DataInputStream in) throws IOException {
        double[] thresholds = new double[in.readInt()];
        for (int k = 0; k < thresholds.length; k++) {
            thresholds[k] = in.readDouble();
        }
        return new SureThresholds(thresholds);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SureThresholds that && Arrays.equals(thresholds, that.thresholds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return Arrays.toString(thresholds);
    }
}
