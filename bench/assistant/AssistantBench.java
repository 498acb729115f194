import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.SoftmaxRegression;

/**
 * Validation accuracy and single-question latency of the English intent model (docs/assistant.md).
 * Run with bench/assistant.sh [epochs learningRate c minDf]; never a timed test.
 */
public class AssistantBench {

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        double lr = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        double c = args.length > 2 ? Double.parseDouble(args[2]) : 30;
        int minDf = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Examples all;
        try (InputStream in = new FileInputStream("src/main/resources/assistant/banking77/train.csv")) {
            all = Examples.readCsv(in);
        }
        Examples.Split split = all.split(0.2, 77);
        IntentModel.Settings settings = new IntentModel.Settings(minDf, new SoftmaxRegression.Settings(epochs, lr, c, 77));
        long t0 = System.nanoTime();
        IntentModel model = IntentModel.train(split.train(), settings);
        long trainMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("train %d / validation %d examples, epochs %d lr %.3f C %.1f minDf %d%n",
                split.train().size(), split.heldOut().size(), epochs, lr, c, minDf);
        System.out.printf("training: %d ms%n", trainMs);
        System.out.printf("validation accuracy: %.2f %%%n", 100 * model.accuracy(split.heldOut()));
        threshold(model, split.heldOut());
        latency(model, split.heldOut());
    }

    /** Accuracy of the answered and share answered for a few thresholds on the top confidence. */
    static void threshold(IntentModel model, Examples heldOut) {
        for (double tau : new double[] {0.2, 0.3, 0.4, 0.5, 0.6}) {
            int answered = 0;
            int right = 0;
            for (int i = 0; i < heldOut.size(); i++) {
                var top = model.rank(heldOut.texts().get(i)).get(0);
                if (top.confidence() >= tau) {
                    answered++;
                    right += top.intent().equals(heldOut.intents().get(i)) ? 1 : 0;
                }
            }
            System.out.printf("tau %.2f: answers %.1f %% at %.2f %% accuracy%n", tau,
                    100.0 * answered / heldOut.size(), 100.0 * right / Math.max(1, answered));
        }
    }

    static void latency(IntentModel model, Examples heldOut) {
        int warm = 2000;
        int n = 5000;
        for (int i = 0; i < warm; i++) {
            model.rank(heldOut.texts().get(i % heldOut.size()));
        }
        long[] ns = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            model.rank(heldOut.texts().get(i % heldOut.size()));
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        System.out.printf("latency per question: p50 %.3f ms, p99 %.3f ms (n=%d after %d warm-up)%n",
                ns[n / 2] / 1e6, ns[(int) (n * 0.99)] / 1e6, n, warm);
    }
}
