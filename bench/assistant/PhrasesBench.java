import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.SureThresholds;

/**
 * Held-out accuracy of each other language's model (fr, ru, fa, zh; the served settings,
 * {@code IntentModel.Settings.phrases}): trained on its shipped
 * training phrases, scored on its held-out ones, with the mistakes and their confidences, and the
 * confidence each gives an English question about an intent it does not know.
 * Run with bench/assistant.sh phrases.
 */
public class PhrasesBench {

    public static void main(String[] args) throws Exception {
        for (String language : List.of("fr", "ru", "fa", "zh")) {
            Examples train = read("src/main/resources/assistant/phrases/" + language + "-train.tsv");
            Examples test = read("src/main/resources/assistant/phrases/" + language + "-test.tsv");
            IntentModel model = IntentModel.train(train, IntentModel.Settings.phrases(language, 77));
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
            mistakes.append(perIntent(language, train, test, model));
            mistakes.append(rules(language, train, test, model));
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
    static String perIntent(String language, Examples train, Examples test, IntentModel model) {
        List<SureThresholds.Outcome> outOfFold = new java.util.ArrayList<>();
        for (Examples.Split fold : train.folds(5, 77)) {
            outOfFold.addAll(IntentModel.train(fold.train(), IntentModel.Settings.phrases(language, 77)).outcomes(fold.heldOut()));
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

    /** A calibration rule: per-intent accuracy target, floor, and a pooled accuracy the language's floor must reach. */
    record Rule(double accuracy, double floor, double pooled) {

        SureThresholds thresholds(List<String> labels, List<SureThresholds.Outcome> outcomes) {
            return SureThresholds.calibrate(labels, outcomes, new SureThresholds.Calibration(accuracy, floor, pooled));
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule(0.95, 0.6, 0), new Rule(0.97, 0.6, 0), new Rule(1.0, 0.6, 0),
            new Rule(0.95, 0.7, 0), new Rule(1.0, 0.7, 0), new Rule(0.95, 0.8, 0), new Rule(1.0, 0.8, 0),
            new Rule(0.95, 0.6, 0.99), new Rule(0.95, 0.6, 1.0), new Rule(1.0, 0.6, 0.99), new Rule(1.0, 0.6, 1.0),
            new Rule(1.0, 0.5, 1.0));

    /**
     * Each rule estimated on the training phrases only (nested: the thresholds calibrated on four
     * folds' out-of-fold answers, applied to the fifth fold's), then measured once on the
     * held-out phrases (the thresholds from all out-of-fold answers, on the model trained on all).
     */
    static String rules(String language, Examples train, Examples test, IntentModel model) {
        return rules(language, train, test, model, 5) + rules(language, train, test, model, 10);
    }

    static String rules(String language, Examples train, Examples test, IntentModel model, int k) {
        List<Examples.Split> folds = train.folds(k, 77);
        List<List<SureThresholds.Outcome>> byFold = new java.util.ArrayList<>();
        for (Examples.Split fold : folds) {
            byFold.add(IntentModel.train(fold.train(), IntentModel.Settings.phrases(language, 77)).outcomes(fold.heldOut()));
        }
        List<SureThresholds.Outcome> testOutcomes = model.outcomes(test);
        StringBuilder out = new StringBuilder();
        for (Rule rule : RULES) {
            int nestedAnswered = 0;
            int nestedWrong = 0;
            List<SureThresholds.Outcome> allOutOfFold = new java.util.ArrayList<>();
            for (int f = 0; f < folds.size(); f++) {
                List<SureThresholds.Outcome> others = new java.util.ArrayList<>();
                for (int g = 0; g < folds.size(); g++) {
                    if (g != f) {
                        others.addAll(byFold.get(g));
                    }
                }
                allOutOfFold.addAll(byFold.get(f));
                int[] c = counts(model.labels(), rule.thresholds(model.labels(), others), byFold.get(f));
                nestedAnswered += c[0];
                nestedWrong += c[0] - c[1];
            }
            int[] t = counts(model.labels(), rule.thresholds(model.labels(), allOutOfFold), testOutcomes);
            out.append(String.format("%n  " + k + " folds, rule %s: nested out-of-fold answers %.1f %%, %d sure and wrong of %d;"
                            + " held out answers %.1f %% at %.2f %%, %d sure and wrong of %d",
                    rule, 100.0 * nestedAnswered / train.size(), nestedWrong, train.size(),
                    100.0 * t[0] / test.size(), 100.0 * t[1] / Math.max(1, t[0]), t[0] - t[1], test.size()));
        }
        return out.toString();
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

    static Examples read(String file) throws Exception {
        try (InputStream in = new FileInputStream(file)) {
            return Examples.readTsv(in);
        }
    }
}
