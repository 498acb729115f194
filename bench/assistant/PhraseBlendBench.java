import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.socialbank.assistant.model.BgeSmallZh;
import org.socialbank.assistant.model.BlendedModel;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.IntentClassifier;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.MiniLm;
import org.socialbank.assistant.model.SentenceEncoder;
import org.socialbank.assistant.model.SoftmaxRegression;
import org.socialbank.assistant.model.SureThresholds;

/**
 * A phrase language's TF-IDF model blended with an encoder's head (MiniLM or bge-small-zh), for
 * one C and several weights: out of fold on the training phrases (5 folds, the choice), right
 * answers and the shipped rule's sure answers and sure mistakes when calibrated on those same
 * out-of-fold answers; then held out (the measure), right answers and the shipped rule's sure
 * answers and sure mistakes. Each fold's TF-IDF model and head are trained once for all weights.
 * Then the latency of the last weight's blend as served. Run with bench/assistant.sh blends
 * LANGUAGE minilm|bge C [WEIGHTS, comma-separated].
 */
public class PhraseBlendBench {

    public static void main(String[] args) throws Exception {
        String language = args[0];
        SentenceEncoder raw = args[1].equals("bge") ? new BgeSmallZh() : new MiniLm();
        double c = Double.parseDouble(args[2]);
        double[] weights = args.length > 3
                ? Arrays.stream(args[3].split(",")).mapToDouble(Double::parseDouble).toArray()
                : new double[] {0, 0.25, 0.5, 1, 2};
        Examples train = read("src/main/resources/assistant/phrases/" + language + "-train.tsv");
        Examples test = read("src/main/resources/assistant/phrases/" + language + "-test.tsv");
        long start = System.nanoTime();
        List<String> all = new ArrayList<>(train.texts());
        all.addAll(test.texts());
        SentenceEncoder encoder = SentenceEncoder.remembering(raw, all);
        System.out.printf("encoded %d phrases in %d ms%n", all.size(), (System.nanoTime() - start) / 1_000_000);
        IntentModel.Settings small = IntentModel.Settings.small(77);
        // the shipped calibration of the other languages (per intent 95 %, floor 0.6, 99 % pooled)
        SureThresholds.Calibration shipped = new SureThresholds.Calibration(0.95, 0.6, 0.99);
        SoftmaxRegression.Exact head = new SoftmaxRegression.Exact(c, 300, 1e-6);
        List<List<SureThresholds.Outcome>> outcomes = new ArrayList<>();
        for (int w = 0; w <= weights.length; w++) {
            outcomes.add(new ArrayList<>()); // 0: TF-IDF alone, then one per weight
        }
        int[] right = new int[weights.length + 1];
        for (Examples.Split fold : train.folds(5, 77)) {
            IntentModel tfidf = IntentModel.train(fold.train(), small);
            SoftmaxRegression h = BlendedModel.trainHead(tfidf.labels(), fold.train(), encoder, head);
            right[0] += right(tfidf, fold.heldOut());
            outcomes.get(0).addAll(tfidf.outcomes(fold.heldOut()));
            for (int w = 0; w < weights.length; w++) {
                BlendedModel blend = BlendedModel.of(tfidf, encoder, h, weights[w]);
                right[w + 1] += right(blend, fold.heldOut());
                outcomes.get(w + 1).addAll(blend.outcomes(fold.heldOut()));
            }
            System.out.printf("fold done at %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
        IntentModel tfidf = IntentModel.train(train, small);
        SoftmaxRegression h = BlendedModel.trainHead(tfidf.labels(), train, encoder, head);
        System.out.printf("%s, %s head at C %.0f; out of fold of %d, held out of %d:%n", language, raw.name(), c,
                train.size(), test.size());
        System.out.println(line("tf-idf alone", tfidf, right[0], outcomes.get(0), shipped, test));
        for (int w = 0; w < weights.length; w++) {
            System.out.println(line(String.format("blend w %.2f", weights[w]),
                    BlendedModel.of(tfidf, encoder, h, weights[w]), right[w + 1], outcomes.get(w + 1), shipped, test));
        }
        // as served: the blend of the last weight on the encoder itself (no remembered vectors), one
        // question at a time on one thread, 300 to warm up, then 2,000 (each held-out phrase with a
        // number appended, so no two are the same text)
        BlendedModel served = BlendedModel.of(tfidf, raw, h, weights[weights.length - 1]);
        for (int i = 0; i < 300; i++) {
            served.rank(test.texts().get(i % test.size()));
        }
        long[] nanos = new long[2000];
        for (int i = 0; i < nanos.length; i++) {
            String text = test.texts().get(i % test.size()) + " " + (i / test.size());
            long t = System.nanoTime();
            served.rank(text);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("served blend w %.2f, rank() of 2,000 questions: p50 %.2f ms, p99 %.2f ms (load %.2f)%n",
                weights[weights.length - 1], nanos[1000] / 1e6, nanos[1980] / 1e6,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // beside it, the same questions through the encoder alone, then the TF-IDF model alone
        for (String part : new String[] {"encoder alone", "tf-idf alone"}) {
            for (int i = 0; i < nanos.length; i++) {
                String text = test.texts().get(i % test.size()) + " " + (i / test.size() + 10);
                long t = System.nanoTime();
                if (part.equals("encoder alone")) {
                    raw.encode(text);
                } else {
                    tfidf.rank(text);
                }
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf("%s, the same 2,000 questions: p50 %.2f ms, p99 %.2f ms%n", part, nanos[1000] / 1e6,
                    nanos[1980] / 1e6);
        }
    }

    static String line(String name, IntentClassifier model, int oofRight, List<SureThresholds.Outcome> outcomes,
            SureThresholds.Calibration calibration, Examples test) {
        SureThresholds thresholds = SureThresholds.calibrate(model.labels(), outcomes, calibration);
        int sure = 0;
        int wrong = 0;
        for (SureThresholds.Outcome o : outcomes) {
            if (o.confidence() >= thresholds.of(model.labels().indexOf(o.intent()))) {
                sure++;
                wrong += o.right() ? 0 : 1;
            }
        }
        IntentClassifier served = model instanceof IntentModel m ? m.withThresholds(thresholds)
                : ((BlendedModel) model).withThresholds(thresholds);
        int heldSure = 0;
        int heldWrong = 0;
        for (int i = 0; i < test.size(); i++) {
            var top = served.rank(test.texts().get(i)).get(0);
            if (served.sure(top)) {
                heldSure++;
                heldWrong += top.intent().equals(test.intents().get(i)) ? 0 : 1;
            }
        }
        return String.format("  %-14s out of fold %d right, sure %d (%d wrong); held out %d right, sure %d (%d wrong)",
                name, oofRight, sure, wrong, right(model, test), heldSure, heldWrong);
    }

    static int right(IntentClassifier model, Examples test) {
        return (int) Math.round(model.accuracy(test) * test.size());
    }

    static Examples read(String path) throws Exception {
        try (InputStream in = new FileInputStream(path)) {
            return Examples.readTsv(in);
        }
    }
}
