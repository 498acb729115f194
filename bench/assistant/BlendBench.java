import java.io.FileInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.socialbank.assistant.model.BlendedModel;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.MiniLm;
import org.socialbank.assistant.model.SoftmaxRegression;
import org.socialbank.assistant.model.SparseVector;

/**
 * The blended English recipe on the seeded validation split: MiniLM head alone, TF-IDF alone,
 * and the blend for a few weights; then the blended model's latency per question.
 * Run with bench/assistant.sh blend [epochs learningRate c].
 */
public class BlendBench {

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        double lr = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        double c = args.length > 2 ? Double.parseDouble(args[2]) : 30;
        Examples all = Examples.readCsv(new FileInputStream("src/main/resources/assistant/banking77/train.csv"));
        Examples.Split split = all.split(0.2, 77);
        long t0 = System.nanoTime();
        IntentModel tfidf = IntentModel.train(split.train(), IntentModel.Settings.english(77));
        long t1 = System.nanoTime();
        MiniLm encoder = new MiniLm();
        List<SparseVector> xs = new ArrayList<>();
        int[] ys = new int[split.train().size()];
        for (int i = 0; i < split.train().size(); i++) {
            xs.add(BlendedModel.dense(encoder.encode(split.train().texts().get(i))));
            ys[i] = tfidf.labels().indexOf(split.train().intents().get(i));
        }
        long t2 = System.nanoTime();
        SoftmaxRegression head = SoftmaxRegression.train(xs, ys, 77, 384, new SoftmaxRegression.Settings(epochs, lr, c, 77));
        long t3 = System.nanoTime();
        System.out.printf("train %d, validation %d; tf-idf training %d ms, encoding %d ms, head (epochs %d lr %.2f C %.0f) %d ms%n",
                split.train().size(), split.heldOut().size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, epochs, lr, c,
                (t3 - t2) / 1_000_000);
        int n = split.heldOut().size();
        double[][] lpE = new double[n][];
        double[][] lpT = new double[n][];
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) {
            String text = split.heldOut().texts().get(i);
            lpE[i] = head.logProbabilities(BlendedModel.dense(encoder.encode(text)));
            lpT[i] = tfidf.logProbabilities(text);
            gold[i] = tfidf.labels().indexOf(split.heldOut().intents().get(i));
        }
        System.out.printf("tf-idf alone %.2f %%, minilm alone %.2f %%%n", acc(lpE, lpT, gold, 0, 1), acc(lpE, lpT, gold, 1, 0));
        for (double w : new double[] {0.2, 0.3, 0.5, 0.7, 1.0}) {
            System.out.printf("blend w=%.1f: %.2f %%%n", w, acc(lpE, lpT, gold, 1, w));
        }
        BlendedModel blended = BlendedModel.of(tfidf, encoder, head, 0.5);
        System.out.printf("blended model (w=0.5) through its own rank(): %.2f %%%n", 100 * blended.accuracy(split.heldOut()));
        latency(blended, split.heldOut());
    }

    static void latency(BlendedModel model, Examples heldOut) {
        int warm = 300;
        int n = 2000;
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
        System.out.printf("blended latency per question: p50 %.3f ms, p99 %.3f ms (n=%d after %d warm-up)%n",
                ns[n / 2] / 1e6, ns[(int) (n * 0.99)] / 1e6, n, warm);
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
