import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.socialbank.assistant.model.BgeSmallZh;
import org.socialbank.assistant.model.BlendedModel;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.IntentClassifier;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.SentenceEncoder;
import org.socialbank.assistant.model.SoftmaxRegression;
import org.socialbank.assistant.model.SureThresholds;

/**
 * Chinese with bge-small-zh-v1.5 (issue 18: "plus an embedding model where one covers the
 * language"): the shipped TF-IDF model, the encoder's head alone and their blends, trained on
 * zh-train.tsv and scored on zh-test.tsv; weights and C chosen on the training phrases' 5-fold
 * out-of-fold answers only, then the held-out figures, and the shipped calibration's sure and
 * wrong. Run with bench/assistant.sh zh.
 */
public class ChineseBlendBench {

    static final double[] WEIGHTS = {0, 0.1, 0.25, 0.5, 1, 2};
    static final double[] CS = {10, 30};

    public static void main(String[] args) throws Exception {
        Examples train = read("src/main/resources/assistant/phrases/zh-train.tsv");
        Examples test = read("src/main/resources/assistant/phrases/zh-test.tsv");
        long start = System.nanoTime();
        List<String> all = new ArrayList<>(train.texts());
        all.addAll(test.texts());
        SentenceEncoder encoder = SentenceEncoder.remembering(new BgeSmallZh(), all);
        System.out.printf("encoded %d phrases in %d ms%n", all.size(), (System.nanoTime() - start) / 1_000_000);
        IntentModel.Settings small = IntentModel.Settings.small(77);
        // the shipped calibration of the other languages since session 20 (per intent 95 %, floor
        // 0.6, raised until 99 % of the pooled out-of-fold sure answers are right), and session
        // 19's (per intent 95 %, floor 0.7) beside it
        SureThresholds.Calibration shipped = new SureThresholds.Calibration(0.95, 0.6, 0.99);
        SureThresholds.Calibration before = new SureThresholds.Calibration(0.95, 0.7);
        List<Examples.Split> folds = train.folds(5, 77);
        for (double c : CS) {
            SoftmaxRegression.Exact head = new SoftmaxRegression.Exact(c, 300, 1e-6);
            // out of fold, on the training phrases: the choice of C and weight
            int[] oofRight = new int[WEIGHTS.length + 2];
            for (Examples.Split fold : folds) {
                IntentModel tfidf = IntentModel.train(fold.train(), small);
                SoftmaxRegression h = BlendedModel.trainHead(tfidf.labels(), fold.train(), encoder, head);
                oofRight[0] += right(tfidf, fold.heldOut());
                oofRight[1] += right(BlendedModel.of(tfidf, encoder, h, 0), fold.heldOut());
                for (int w = 0; w < WEIGHTS.length; w++) {
                    oofRight[2 + w] += right(BlendedModel.of(tfidf, encoder, h, WEIGHTS[w]), fold.heldOut());
                }
            }
            IntentModel tfidf = IntentModel.train(train, small);
            SoftmaxRegression h = BlendedModel.trainHead(tfidf.labels(), train, encoder, head);
            StringBuilder line = new StringBuilder(String.format(
                    "C %.0f: out of fold (of %d) tf-idf %d, bge %d", c, train.size(), oofRight[0], oofRight[1]));
            StringBuilder held = new StringBuilder(String.format(
                    "      held out (of %d) tf-idf %d, bge %d", test.size(), right(tfidf, test),
                    right(BlendedModel.of(tfidf, encoder, h, 0), test)));
            for (int w = 0; w < WEIGHTS.length; w++) {
                line.append(String.format(", blend w=%.2f %d", WEIGHTS[w], oofRight[2 + w]));
                BlendedModel blend = BlendedModel.of(tfidf, encoder, h, WEIGHTS[w]);
                held.append(String.format(", blend w=%.2f %d", WEIGHTS[w], right(blend, test)));
                // the shipped calibration: thresholds on the out-of-fold answers of the same blend
                List<SureThresholds.Outcome> outcomes = new ArrayList<>();
                for (Examples.Split fold : folds) {
                    IntentModel t = IntentModel.train(fold.train(), small);
                    SoftmaxRegression fh = BlendedModel.trainHead(t.labels(), fold.train(), encoder, head);
                    outcomes.addAll(BlendedModel.of(t, encoder, fh, WEIGHTS[w]).outcomes(fold.heldOut()));
                }
                held.append(sure(blend.withThresholds(SureThresholds.calibrate(blend.labels(), outcomes, shipped)), test));
                held.append(" (session 19's rule:"
                        + sure(blend.withThresholds(SureThresholds.calibrate(blend.labels(), outcomes, before)), test)
                        + ")");
            }
            System.out.println(line);
            System.out.println(held);
        }
        IntentModel tfidf = IntentModel.train(train, small);
        List<SureThresholds.Outcome> outcomes = new ArrayList<>();
        for (Examples.Split fold : folds) {
            outcomes.addAll(IntentModel.train(fold.train(), small).outcomes(fold.heldOut()));
        }
        IntentModel shippedModel =
                tfidf.withThresholds(SureThresholds.calibrate(tfidf.labels(), outcomes, shipped));
        System.out.println("tf-idf alone, shipped calibration:" + sure(shippedModel, test));
        System.out.println("tf-idf alone, session 19's calibration:"
                + sure(tfidf.withThresholds(SureThresholds.calibrate(tfidf.labels(), outcomes, before)), test));
        // latency of the encoder alone, after a warm-up
        BgeSmallZh raw = new BgeSmallZh();
        for (int i = 0; i < 300; i++) {
            raw.encode(test.texts().get(i % test.size()));
        }
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            raw.encode(test.texts().get(i % test.size()) + (i / test.size()));
            nanos[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("encoder alone: p50 %.2f ms, p99 %.2f ms%n", nanos[500] / 1e6, nanos[990] / 1e6);
    }

    static int right(IntentClassifier model, Examples test) {
        return (int) Math.round(model.accuracy(test) * test.size());
    }

    static String sure(IntentClassifier model, Examples test) {
        int answered = 0;
        int wrong = 0;
        for (int i = 0; i < test.size(); i++) {
            var top = model.rank(test.texts().get(i)).get(0);
            if (model.sure(top)) {
                answered++;
                wrong += top.intent().equals(test.intents().get(i)) ? 0 : 1;
            }
        }
        return String.format(" [sure %d, %d wrong]", answered, wrong);
    }

    static Examples read(String path) throws Exception {
        try (InputStream in = new FileInputStream(path)) {
            return Examples.readTsv(in);
        }
    }
}
