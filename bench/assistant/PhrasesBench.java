import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.SureThresholds;

/**
 * Held-out accuracy of each other language's model (fr, ru, fa, zh): trained on its shipped
 * training phrases, scored on its held-out ones, with the mistakes and their confidences, and the
 * confidence each gives an English question about an intent it does not know.
 * Run with bench/assistant.sh phrases.
 */
public class PhrasesBench {

    public static void main(String[] args) throws Exception {
        for (String language : List.of("fr", "ru", "fa", "zh")) {
            Examples train = read("src/main/resources/assistant/phrases/" + language + "-train.tsv");
            Examples test = read("src/main/resources/assistant/phrases/" + language + "-test.tsv");
            IntentModel model = IntentModel.train(train, IntentModel.Settings.small(77));
            int right = 0;
            StringBuilder mistakes = new StringBuilder();
            for (int i = 0; i < test.size(); i++) {
                var top = model.rank(test.texts().get(i)).get(0);
                if (top.intent().equals(test.intents().get(i))) {
                    right++;
                } else {
                    mistakes.append(String.format("%n  %s -> %s (%.2f), expected %s", test.texts().get(i), top.intent(),
                            top.confidence(), test.intents().get(i)));
                }
            }
            StringBuilder taus = new StringBuilder();
            for (double tau : new double[] {0.4, 0.5, 0.6}) {
                int answered = 0;
                int ok = 0;
                for (int i = 0; i < test.size(); i++) {
                    var top = model.rank(test.texts().get(i)).get(0);
                    if (top.confidence() >= tau) {
                        answered++;
                        ok += top.intent().equals(test.intents().get(i)) ? 1 : 0;
                    }
                }
                taus.append(String.format("%n  tau %.1f: answers %d %%, %d of them wrong", tau, 100 * answered / test.size(),
                        answered - ok));
            }
            mistakes.append(taus);
            mistakes.append(perIntent(train, test, model));
            var unknown = model.rank("what is the exchange rate for dollars").get(0);
            System.out.printf("%s: %d intents, %d train / %d held out: %.1f %% (%d wrong); unknown English question %.2f%s%n",
                    language, model.labels().size(), train.size(), test.size(), 100.0 * right / test.size(),
                    test.size() - right, unknown.confidence(), mistakes);
        }
    }

    /**
     * The shipped thresholds: per intent, calibrated on 5-fold out-of-fold answers of the training
     * phrases (accuracy 0.95, floor 0.6, as TrainedModels), measured on the held-out phrases.
     */
    static String perIntent(Examples train, Examples test, IntentModel model) {
        List<SureThresholds.Outcome> outOfFold = new java.util.ArrayList<>();
        for (Examples.Split fold : train.folds(5, 77)) {
            outOfFold.addAll(IntentModel.train(fold.train(), IntentModel.Settings.small(77)).outcomes(fold.heldOut()));
        }
        IntentModel calibrated = model.withThresholds(SureThresholds.calibrate(model.labels(), outOfFold,
                new SureThresholds.Calibration(0.95, 0.6)));
        int answered = 0;
        int wrong = 0;
        for (int i = 0; i < test.size(); i++) {
            var top = calibrated.rank(test.texts().get(i)).get(0);
            if (calibrated.sure(top)) {
                answered++;
                wrong += top.intent().equals(test.intents().get(i)) ? 0 : 1;
            }
        }
        double[] t = new double[model.labels().size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = calibrated.thresholds().of(k);
        }
        return String.format("%n  per-intent thresholds %s: answers %d %%, %d of them wrong", java.util.Arrays.toString(t),
                100 * answered / test.size(), wrong);
    }

    static Examples read(String file) throws Exception {
        try (InputStream in = new FileInputStream(file)) {
            return Examples.readTsv(in);
        }
    }
}
