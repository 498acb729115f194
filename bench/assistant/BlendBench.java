import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.socialbank.assistant.model.BlendedModel;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.MiniLm;
import org.socialbank.assistant.model.SoftmaxRegression;
import org.socialbank.assistant.model.SparseVector;
import org.socialbank.assistant.model.SureThresholds;
import org.socialbank.assistant.model.Tfidf;
import org.socialbank.assistant.model.IntentClassifier;

/**
 * The blended English recipe on the seeded validation split (80/20 of BANKING77's train, seed 77),
 * both heads fitted exactly by L-BFGS (MiniLM C 10 as shipped, TF-IDF C 60): TF-IDF alone, the MiniLM head alone (layers 2-5, [CLS]),
 * the blend for a few weights, the per-intent confidence thresholds of the shipped blend, the time
 * to train both heads on all 10,003 questions, then the blend's latency per question.
 * The MiniLM vectors are kept in target/assistant-vectors-*.bin, so that a second run spends its
 * time on the heads only. Run with bench/assistant.sh blend [weight [iterationsMax [tfidfC [full|-
 * [SCRIPTS|SCIKIT_LEARN|- [minilmC]]]]]] (the TF-IDF terms, docs/assistant.md Recipe, "-" for the
 * shipped ones; the MiniLM head's C, default 10 as shipped; weight default 0.4 as shipped).
 */
public class BlendBench {

    public static void main(String[] args) throws Exception {
        double shipped = args.length > 0 ? Double.parseDouble(args[0]) : 0.4;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        double lexicalC = args.length > 2 ? Double.parseDouble(args[2]) : 60;
        System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        Examples all = Examples.readCsv(new FileInputStream("src/main/resources/assistant/banking77/train.csv"));
        Examples.Split split = all.split(0.2, 77);
        MiniLm encoder = new MiniLm();
        long t0 = System.nanoTime();
        List<SparseVector> train = vectors(encoder, split.train(), "train");
        List<SparseVector> held = vectors(encoder, split.heldOut(), "validation");
        long t1 = System.nanoTime();
        System.out.printf("train %d, validation %d; encoding (or reading) %d ms%n", split.train().size(),
                split.heldOut().size(), (t1 - t0) / 1_000_000);
        IntentModel.Settings lexical = new IntentModel.Settings(2, new SoftmaxRegression.Exact(lexicalC, iterations, 1e-6),
                args.length > 4 && !args[4].equals("-") ? Tfidf.Terms.valueOf(args[4])
                        : IntentModel.Settings.english(77).terms());
        Path tfidfFile = Path.of("target", "assistant-bench-tfidf-" + Integer.toHexString((lexical + split.train().digest())
                .hashCode()) + ".model");
        IntentModel tfidf;
        if (Files.isReadable(tfidfFile)) {
            tfidf = IntentModel.read(Files.newInputStream(tfidfFile));
        } else {
            tfidf = IntentModel.train(split.train(), lexical);
            try (var out = Files.newOutputStream(tfidfFile)) {
                tfidf.write(out);
            }
        }
        long t2 = System.nanoTime();
        System.out.printf("tf-idf head (%s): %d ms, %s%n", lexical.head(), (t2 - t1) / 1_000_000,
                SoftmaxRegression.lastFit());
        int[] ys = gold(tfidf, split.train());
        int[] gold = gold(tfidf, split.heldOut());
        int n = held.size();
        double[][] lpT = new double[n][];
        for (int i = 0; i < n; i++) {
            lpT[i] = tfidf.logProbabilities(split.heldOut().texts().get(i));
        }
        System.out.printf("tf-idf alone %.2f %%%n", acc(lpT, lpT, gold, 0, 1));
        double minilmC = args.length > 5 ? Double.parseDouble(args[5]) : 10;
        SoftmaxRegression.Exact exact = new SoftmaxRegression.Exact(minilmC, iterations, 1e-6);
        Path headFile = Path.of("target", "assistant-bench-head-" + Integer.toHexString((exact + split.train().digest())
                .hashCode()) + ".bin");
        SoftmaxRegression head;
        if (Files.isReadable(headFile)) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(headFile))) {
                head = BlendedModel.readHead(in, tfidf, encoder).head();
            }
        } else {
            head = SoftmaxRegression.train(train, ys, 77, MiniLm.DIMENSION, exact);
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(headFile))) {
                BlendedModel.of(tfidf, encoder, head, shipped).writeHead(out);
            }
        }
        long t3 = System.nanoTime();
        System.out.printf("minilm head (%s): %d ms, %s%n", exact, (t3 - t2) / 1_000_000, SoftmaxRegression.lastFit());
        double[][] lpE = new double[n][];
        for (int i = 0; i < n; i++) {
            lpE[i] = head.logProbabilities(held.get(i));
        }
        System.out.printf("tf-idf alone %.2f %%, minilm alone %.2f %%%n", acc(lpE, lpT, gold, 0, 1),
                acc(lpE, lpT, gold, 1, 0));
        for (double w : new double[] {0.2, 0.3, 0.4, 0.5, 0.7, 1.0}) {
            System.out.printf("  blend w=%.1f: %.2f %%%n", w, acc(lpE, lpT, gold, 1, w));
        }
        BlendedModel blended = BlendedModel.of(tfidf, encoder, head, shipped);
        thresholds("blend", tfidf.labels(), blendOutcomes(lpE, lpT, gold, shipped, tfidf.labels()));
        thresholds("tf-idf", tfidf.labels(), tfidf.outcomes(split.heldOut()));
        if (args.length > 3 && args[3].equals("full")) {
            fullTraining(all, lexical, exact, train, held, split);
        }
        latency("blend (whole rank())", blended::rank, split.heldOut());
        latency("MiniLM encoder alone", encoder::encode, split.heldOut());
        latency("tf-idf rank() alone", tfidf::rank, split.heldOut());
        latency("blend (whole rank()) again", blended::rank, split.heldOut());
    }

    /** What a first start spends on the heads after encoding: both heads on all 10,003 questions. */
    static void fullTraining(Examples all, IntentModel.Settings lexical, SoftmaxRegression.Exact exact,
            List<SparseVector> train, List<SparseVector> held, Examples.Split split) {
        long t = System.nanoTime();
        IntentModel tfidf = IntentModel.train(all, lexical);
        long u = System.nanoTime();
        System.out.printf("all %d: tf-idf head %d ms (%s)%n", all.size(), (u - t) / 1_000_000, SoftmaxRegression.lastFit());
        List<SparseVector> xs = new ArrayList<>(train);
        xs.addAll(held);
        int[] ys = new int[xs.size()];
        int[] a = gold(tfidf, split.train());
        int[] b = gold(tfidf, split.heldOut());
        System.arraycopy(a, 0, ys, 0, a.length);
        System.arraycopy(b, 0, ys, a.length, b.length);
        SoftmaxRegression.train(xs, ys, 77, MiniLm.DIMENSION, exact);
        System.out.printf("all %d: minilm head %d ms (%s)%n", xs.size(), (System.nanoTime() - u) / 1_000_000,
                SoftmaxRegression.lastFit());
    }

    static int[] gold(IntentModel tfidf, Examples examples) {
        int[] ys = new int[examples.size()];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = tfidf.labels().indexOf(examples.intents().get(i));
        }
        return ys;
    }

    static List<SparseVector> vectors(MiniLm encoder, Examples examples, String part) throws Exception {
        Path file = Path.of("target", "assistant-vectors-" + Integer.toHexString((encoder.name() + examples.digest())
                .hashCode()) + ".bin");
        List<SparseVector> xs = new ArrayList<>(examples.size());
        if (Files.isReadable(file)) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                for (int i = 0; i < examples.size(); i++) {
                    float[] v = new float[MiniLm.DIMENSION];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = in.readFloat();
                    }
                    xs.add(BlendedModel.dense(v));
                }
            }
            return xs;
        }
        long start = System.nanoTime();
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            for (String text : examples.texts()) {
                float[] v = encoder.encode(text);
                for (float f : v) {
                    out.writeFloat(f);
                }
                xs.add(BlendedModel.dense(v));
            }
        }
        System.out.printf("encoded the %s part (%d questions) in %d ms%n", part, examples.size(),
                (System.nanoTime() - start) / 1_000_000);
        return xs;
    }

    /**
     * Share answered and accuracy of the answered: for one threshold for all intents, then for
     * per-intent thresholds calibrated for a few target accuracies (floor 0.5), measured on the
     * validation questions they were calibrated on (optimistic) and across halves (calibrated on
     * the odd questions, measured on the even ones, and the other way round).
     */
    static void thresholds(String name, List<String> labels, List<SureThresholds.Outcome> outcomes) {
        for (double tau : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95}) {
            SureThresholds uniform = SureThresholds.uniform(labels.size(), tau);
            System.out.printf("%s, one tau %.2f: %s%n", name, tau, answered(labels, uniform, outcomes));
        }
        for (double accuracy : new double[] {0.95, 0.97, 0.98, 0.99}) {
            SureThresholds.Calibration calibration = new SureThresholds.Calibration(accuracy, 0.5);
            SureThresholds all = SureThresholds.calibrate(labels, outcomes, calibration);
            List<SureThresholds.Outcome> odd = new ArrayList<>();
            List<SureThresholds.Outcome> even = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                (i % 2 == 1 ? odd : even).add(outcomes.get(i));
            }
            SureThresholds fromOdd = SureThresholds.calibrate(labels, odd, calibration);
            SureThresholds fromEven = SureThresholds.calibrate(labels, even, calibration);
            int[] a = counts(labels, fromOdd, even);
            int[] b = counts(labels, fromEven, odd);
            double[] t = new double[labels.size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = all.of(k);
            }
            Arrays.sort(t);
            System.out.printf("%s, per intent at %.2f: in-sample %s; across halves answers %.1f %% at %.2f %%;"
                    + " thresholds min %.2f median %.2f max %.2f%n", name, accuracy,
                    answered(labels, all, outcomes), 100.0 * (a[0] + b[0]) / outcomes.size(),
                    100.0 * (a[1] + b[1]) / Math.max(1, a[0] + b[0]), t[0], t[t.length / 2], t[t.length - 1]);
        }
    }

    /** The blend's top answer per validation question, from the two heads' log-probabilities. */
    static List<SureThresholds.Outcome> blendOutcomes(double[][] lpE, double[][] lpT, int[] gold, double w,
            List<String> labels) {
        List<SureThresholds.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < gold.length; i++) {
            double[] score = new double[lpE[i].length];
            for (int k = 0; k < score.length; k++) {
                score[k] = lpE[i][k] + w * lpT[i][k];
            }
            double max = Arrays.stream(score).max().orElseThrow();
            double sum = 0;
            int best = 0;
            for (int k = 0; k < score.length; k++) {
                sum += Math.exp(score[k] - max);
                best = score[k] > score[best] ? k : best;
            }
            outcomes.add(new SureThresholds.Outcome(labels.get(best), 1 / sum, best == gold[i]));
        }
        return outcomes;
    }

    static String answered(List<String> labels, SureThresholds thresholds, List<SureThresholds.Outcome> outcomes) {
        int[] c = counts(labels, thresholds, outcomes);
        return String.format("answers %.1f %% at %.2f %%", 100.0 * c[0] / outcomes.size(), 100.0 * c[1] / Math.max(1, c[0]));
    }

    /** {answered, right among the answered}. */
    static int[] counts(List<String> labels, SureThresholds thresholds, List<SureThresholds.Outcome> outcomes) {
        int answered = 0;
        int right = 0;
        for (SureThresholds.Outcome o : outcomes) {
            if (o.confidence() >= thresholds.of(labels.indexOf(o.intent()))) {
                answered++;
                right += o.right() ? 1 : 0;
            }
        }
        return new int[] {answered, right};
    }

    static void latency(String name, java.util.function.Consumer<String> classify, Examples heldOut) {
        int warm = 300;
        int n = 2000;
        for (int i = 0; i < warm; i++) {
            classify.accept(heldOut.texts().get(i % heldOut.size()));
        }
        long[] ns = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            classify.accept(heldOut.texts().get(i % heldOut.size()));
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        System.out.printf("%s latency per question: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms (n=%d after %d warm-up; load %s)%n",
                name, ns[n / 2] / 1e6, ns[(int) (n * 0.9)] / 1e6, ns[(int) (n * 0.99)] / 1e6, n, warm, load());
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static double acc(double[][] lpE, double[][] lpT, int[] gold, double a, double w) {
        int right = 0;
        for (int i = 0; i < gold.length; i++) {
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < lpE[i].length; k++) {
                double s = a * lpE[i][k] + w * lpT[i][k];
                if (s > bestScore) {
                    bestScore = s;
                    best = k;
                }
            }
            right += best == gold[i] ? 1 : 0;
        }
        return 100.0 * right / gold.length;
    }
}
