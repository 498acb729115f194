import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.SoftmaxRegression;
import org.socialbank.assistant.model.SureThresholds;
import org.socialbank.assistant.model.Tfidf;

/**
 * The phrase languages' TF-IDF head, trained by SGD (shipped: 40 epochs) or fitted exactly
 * (L-BFGS) at a few C: for each, out of fold on the training phrases (5 folds, seed 77), the
 * phrases answered right and, with the shipped rule (95 % per intent, floor 0.6, pooled 99 %)
 * calibrated nested (each fold's thresholds from the other four folds' answers), the sure ones
 * and the sure and wrong; then held out, as served (the model on all the phrases, its thresholds
 * from all the out-of-fold answers). The choice is made on the out-of-fold columns only.
 *
 * <p>Run with {@code bench/assistant.sh heads [LANG,LANG...] [VARIANT,VARIANT...]}; a variant is
 * {@code sgd:EPOCHS:C[:LR[:MINDF]]} or {@code exact:C[:TOLERANCE[:MINDF]]} (the shipped
 * {@code min_df} is 1). {@code PHRASES=dir/} reads another folder's {@code LANG-train.tsv} and
 * {@code LANG-test.tsv} (a candidate set of phrases, measured before it is shipped); {@code SHOW=1}
 * lists the held-out phrases answered sure and wrong.
 */
public class PhraseHeadBench {

    /** The phrase files' folder: the shipped ones, or another set's ({@code PHRASES=dir/}). */
    static final String PHRASES =
            System.getenv().getOrDefault("PHRASES", "src/main/resources/assistant/phrases/");

    static final SureThresholds.Calibration SHIPPED = new SureThresholds.Calibration(0.95, 0.6, 0.99);

    public static void main(String[] args) throws Exception {
        List<String> languages = List.of((args.length > 0 ? args[0] : "ru,fa,fr,zh").split(","));
        List<String> variants =
                List.of((args.length > 1 ? args[1] : "sgd:40:30,exact:10,exact:30,exact:100").split(","));
        System.out.println("language variant | out of fold: right, sure (nested), sure and wrong | held out: right,"
                + " sure, sure and wrong | CPU s");
        for (String language : languages) {
            Examples train = read(PHRASES + language + "-train.tsv");
            Examples test = read(PHRASES + language + "-test.tsv");
            for (String variant : variants) {
                long cpu = cpu();
                IntentModel.Settings settings = settings(variant);
                List<List<SureThresholds.Outcome>> folds = new ArrayList<>();
                List<SureThresholds.Outcome> all = new ArrayList<>();
                for (Examples.Split fold : train.folds(5, 77)) {
                    List<SureThresholds.Outcome> outcomes =
                            IntentModel.train(fold.train(), settings).outcomes(fold.heldOut());
                    folds.add(outcomes);
                    all.addAll(outcomes);
                }
                long fit = cpu();
                IntentModel model = IntentModel.train(train, settings);
                String fitted = String.format("the fit on all: %.1f s, %s", (cpu() - fit) / 1e9,
                        settings.head() instanceof SoftmaxRegression.Exact ? SoftmaxRegression.lastFit() : "SGD");
                int right = 0;
                int sure = 0;
                int sureWrong = 0;
                for (int i = 0; i < folds.size(); i++) {
                    List<SureThresholds.Outcome> others = new ArrayList<>();
                    for (int j = 0; j < folds.size(); j++) {
                        if (j != i) {
                            others.addAll(folds.get(j));
                        }
                    }
                    SureThresholds t = SureThresholds.calibrate(model.labels(), others, SHIPPED);
                    for (SureThresholds.Outcome o : folds.get(i)) {
                        right += o.right() ? 1 : 0;
                        if (o.confidence() >= t.of(model.labels().indexOf(o.intent()))) {
                            sure++;
                            sureWrong += o.right() ? 0 : 1;
                        }
                    }
                }
                IntentModel served = model.withThresholds(SureThresholds.calibrate(model.labels(), all, SHIPPED));
                int heldRight = 0;
                int heldSure = 0;
                int heldSureWrong = 0;
                StringBuilder sureAndWrong = new StringBuilder();
                List<SureThresholds.Outcome> heldOut = served.outcomes(test);
                for (int i = 0; i < heldOut.size(); i++) {
                    SureThresholds.Outcome o = heldOut.get(i);
                    heldRight += o.right() ? 1 : 0;
                    if (o.confidence() >= served.thresholds().of(served.labels().indexOf(o.intent()))) {
                        heldSure++;
                        heldSureWrong += o.right() ? 0 : 1;
                        if (!o.right()) {
                            sureAndWrong.append(String.format("%n    %s: %s -> %s (%.2f)", test.intents().get(i),
                                    test.texts().get(i), o.intent(), o.confidence()));
                        }
                    }
                }
                System.out.printf(
                        "%s %-14s | %d/%d, %d (%.1f %%), %d | %d/%d, %d (%.1f %%), %d | %.1f (%s)%n",
                        language,
                        variant,
                        right,
                        train.size(),
                        sure,
                        100.0 * sure / train.size(),
                        sureWrong,
                        heldRight,
                        test.size(),
                        heldSure,
                        100.0 * heldSure / test.size(),
                        heldSureWrong,
                        (cpu() - cpu) / 1e9,
                        fitted);
                if (System.getenv("SHOW") != null) { // the held-out phrases answered sure and wrong
                    System.out.println("  held out, sure and wrong:" + sureAndWrong);
                }
            }
        }
    }

    static IntentModel.Settings settings(String variant) {
        String[] p = variant.split(":");
        SoftmaxRegression.Training head = switch (p[0]) {
            case "sgd" -> new SoftmaxRegression.Settings(
                    Integer.parseInt(p[1]), p.length > 3 ? Double.parseDouble(p[3]) : 2, Double.parseDouble(p[2]), 77);
            case "exact" -> new SoftmaxRegression.Exact(
                    Double.parseDouble(p[1]), 300, p.length > 2 ? Double.parseDouble(p[2]) : 1e-6);
            default -> throw new IllegalArgumentException(variant);
        };
        int at = p[0].equals("sgd") ? 4 : 3;
        int minDf = p.length > at ? Integer.parseInt(p[at]) : 1;
        return new IntentModel.Settings(minDf, head, Tfidf.Terms.TRUNCATED_WORDS);
    }

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static Examples read(String file) throws Exception {
        try (InputStream in = new FileInputStream(file)) {
            return Examples.readTsv(in);
        }
    }
}
