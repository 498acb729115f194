package org.socialbank.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.socialbank.assistant.ClassifyResult.Code;
import org.socialbank.assistant.ClassifyResult.Refused;
import org.socialbank.assistant.model.IntentClassifier;
import org.socialbank.assistant.model.IntentModel;

/**
 * Classifies a customer's free question into an intent of the language it is written in. The
 * English intents are BANKING77's names; the other languages use the same names for the 30
 * intents their phrase sets cover. Never sure below the language's threshold.
 */
public class Assistant {

    static final int ALTERNATIVES = 3;

    private final AssistantProperties properties;
    private final TrainedModels models;

    Assistant(AssistantProperties properties, TrainedModels models) {
        this.properties = properties;
        this.models = models;
    }

    /**
     * @param language en, fr, ru, fa or zh; null or blank to guess it from the text's script
     */
    public ClassifyResult classify(String text, String language) {
        if (text == null || text.isBlank()) {
            return new Refused(Code.BLANK_TEXT, "The text is empty.");
        }
        if (text.length() > properties.textMax()) {
            return new Refused(Code.TEXT_TOO_LONG, "The text is longer than " + properties.textMax() + " characters.");
        }
        String lang = language == null || language.isBlank() ? Languages.guess(text)
                : language.strip().toLowerCase(Locale.ROOT);
        if (!Languages.ALL.contains(lang)) {
            return new Refused(Code.UNSUPPORTED_LANGUAGE, "The language must be one of en, fr, ru, fa, zh.");
        }
        Map<String, IntentClassifier> ready = models.current();
        IntentClassifier model = ready.getOrDefault(lang, ready.get("en"));
        List<IntentModel.Scored> ranked = model.rank(text);
        List<Classification.Alternative> top = ranked.subList(0, Math.min(ALTERNATIVES, ranked.size())).stream()
                .map(s -> new Classification.Alternative(s.intent(), round(s.confidence()))).toList();
        double threshold = lang.equals("en") ? properties.sureThreshold() : properties.sureThresholdOther();
        IntentModel.Scored best = ranked.get(0);
        return new Classification(best.intent(), round(best.confidence()), top, lang, best.confidence() >= threshold);
    }

    /**
     * Whether the models are trained, so that {@link #classify} answers at once; a caller that must
     * not wait (the chat, inside its transaction) asks this first.
     */
    public boolean ready() {
        return models.ready();
    }

    /** Blocks until the models are trained (or read from the cache). */
    public void awaitReady() {
        models.await();
    }

    private static double round(double p) {
        return Math.round(p * 10_000) / 10_000.0;
    }
}
