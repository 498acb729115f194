package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.IntentModel;

/**
 * Issue 18, the other languages: each language's model, trained on its shipped training phrases,
 * classifies the held-out phrases (never trained on) above the floor measured for it minus a
 * margin, and is not sure of an English question about an intent it does not know.
 */
class PhrasesUnitTests {

    static final Map<String, IntentModel> MODELS = new HashMap<>();

    @BeforeAll
    static void train() throws IOException {
        for (String language : Languages.OTHERS) {
            MODELS.put(
                    language,
                    IntentModel.train(
                            TrainedModels.read(TrainedModels.PHRASES.formatted(language), false),
                            IntentModel.Settings.phrases(language, 77)));
        }
    }

    static Examples heldOut(String language) throws IOException {
        return phrases(language, "test");
    }

    /** A language's shipped phrases: {@code part} is train or test. */
    static Examples phrases(String language, String part) throws IOException {
        try (InputStream in = PhrasesUnitTests.class
                .getClassLoader()
                .getResourceAsStream("assistant/phrases/" + language + "-" + part + ".tsv")) {
            return Examples.readTsv(in);
        }
    }

    @ParameterizedTest
    // measured (bench/assistant.sh phrases, session 17): fr 93.8 %, ru 89.0 %, fa 92.5 %, zh 92.4 %;
    // ru was 91.0 % before its 68 held-out phrases with typos (read 71 % right: RussianTyposUnitTests)
    // session 19, 57 intents (20 more written blind, card_delivery_estimate with card_arrival):
    // fr 90.7 %, ru 87.8 %, fa 91.7 %, zh 90.3 % of 640-756 held out; then every BANKING77 intent
    // (75: 20 more written blind): fr 88.1 %, ru 83.1 %, fa 86.9 %, zh 85.0 % of 880-996; with 15
    // more training phrases for each of the 40 new intents: fr 88.9, ru 84.3, fa 87.3, zh 87.7 %;
    // session 20, 20 more training phrases for every intent but two (written blind): fr 91.1,
    // ru 88.1, fa 89.1, zh 90.8 %; session 22, the word terms cut to five letters: fr 91.9,
    // ru 89.5, fa 89.4, zh 90.8 %; session 26, ru and fa 20 more training phrases an intent and a
    // second held-out set (12 an intent), all written blind, and sending_money in the four: fr 91.4,
    // ru 92.4, fa 92.9, zh 90.5 % of 940 / 1,852 / 1,810 / 892; Russian's head fitted exactly: 93.4 %
    @CsvSource({"fr,0.91", "ru,0.93", "fa,0.92", "zh,0.90"})
    void heldOutPhrasesAreClassifiedAboveTheMeasuredFloor(String language, double floor) throws IOException {
        Examples test = heldOut(language);
        assertThat(test.size()).isGreaterThanOrEqualTo(340);
        assertThat(test.labels()).isEqualTo(MODELS.get(language).labels());
        assertThat(MODELS.get(language).accuracy(test)).isGreaterThanOrEqualTo(floor);
    }

    @ParameterizedTest
    @CsvSource({"fr,7", "ru,41", "fa,29", "zh,15"})
    void atTheDefaultThresholdFewHeldOutAnswersAreSureAndWrong(String language, int ceiling) throws IOException {
        // issue 18: "never a wrong confident answer"; measured at 0.6 with one threshold for every
        // intent: fr 1, ru 5, fa 4, zh 4 of 340 (neighbours: a pending / a reverted top-up); the
        // shipped per-intent thresholds do better (below); session 19, 57 intents: fr 1, ru 7,
        // fa 4, zh 6 of 640-756; every BANKING77 intent (75): fr 2, ru 9, fa 13, zh 6 of 880-996;
        // with 15 more training phrases for each of the 40 new intents: fr 3, ru 12, fa 18, zh 6;
        // session 20, 20 more for every intent but two: fr 7, ru 14, fa 17, zh 14 (answering 63-68 %);
        // session 22, the word terms cut to five letters: fr 7, ru 14, fa 19, zh 14 (the shipped
        // calibration, below, is what answers: its thresholds rose with the sharper confidences);
        // session 26 (ru and fa: twice the held-out phrases, 1,852 and 1,810; sending_money in all
        // four): fr 7, ru 27, fa 24, zh 15, each language's own ceiling since; Russian's exact head is
        // surer of everything (41 at 0.6), which its calibrated thresholds absorb (below); session 27,
        // Persian 20 more training phrases an intent: 29 at 0.6, 9 with its calibrated thresholds
        Examples test = heldOut(language);
        int sureAndWrong = 0;
        for (int i = 0; i < test.size(); i++) {
            IntentModel.Scored top =
                    MODELS.get(language).rank(test.texts().get(i)).get(0);
            sureAndWrong += top.confidence() >= 0.6
                            && !top.intent().equals(test.intents().get(i))
                    ? 1
                    : 0;
        }
        assertThat(sureAndWrong).isLessThanOrEqualTo(ceiling);
    }

    /** The settings the application starts with: every {@code socialbank.assistant.*} at its default. */
    static AssistantProperties shipped() {
        return new org.springframework.boot.context.properties.bind.Binder(
                        new org.springframework.boot.context.properties.source.MapConfigurationPropertySource())
                .bindOrCreate("socialbank.assistant", AssistantProperties.class);
    }

    /**
     * Issue 18 L.6, "never a wrong confident answer": each language's model as the application
     * trains it (its thresholds calibrated by the shipped rule on out-of-fold answers of its
     * training phrases only, never on these), is sure of the held-out phrases it answers, and
     * wrong on at most the measured ceiling of them, while it still answers most of them
     * (docs/assistant.md, Figures: answered and accuracy of the sure answers per language).
     */
    @ParameterizedTest
    // measured (session 16: 34 intents; held out 388 phrases for fr/ru/fa, 48 of them written blind
    // for the confused intents, 340 for zh; training phrases added for those confusions): sure and
    // wrong fr 0, ru 0, fa 1, zh 3 (n-grams; zh's bge head has none); answered fr 47.7 %,
    // ru 49.7 %, fa 52.6 %, zh 46.8 % (before: 2,720 phrases, sure and wrong 0 / 2 / 3 / 3)
    // session 17: ru 0 of 456 (68 more held out, with typos), answered 47.4 %
    // session 18: 24 more held out a language for failed_transfer (BANKING77's failed and declined
    // transfers as one intent), written blind: answered fr 45.9 %, ru 44.0 %, fa 49.8 %, zh 44.0 %
    // (before, with the same held-out phrases and no training for them: 44.9 / 45.0 / 49.5 / 43.7 %);
    // then change_pin, exchange_rate and getting_virtual_card, 36 more held out a language, written
    // blind: answered fr 46.2 %, ru 45.7 %, fa 51.8 %, zh 45.5 %; sure and wrong 0 / 0 / 1 / 2
    // session 19: 20 more intents (cards, security, the account), 240 more held out a language,
    // written blind; before, with the old training, 5 / 5 / 6 / 10 of those 240 were sure and wrong
    // (a blocked PIN answered as change_pin, "where can I withdraw?" as a declined withdrawal);
    // with them trained: answered fr 39.5 %, ru 37.3 %, fa 41.4 %, zh 37.0 % of all the held-out
    // phrases, sure and wrong 0 / 0 / 1 / 1 (the answered share falls with 57 intents instead of 38);
    // then BANKING77's last 20 intents, 240 more held out a language, written blind: before, with
    // the 57 intents' training, 19 / 9 / 23 / 23 of those 240 were sure and wrong (a failed identity
    // check answered as how to verify, a disposable card as a virtual one); with every intent
    // trained, of all the held-out phrases: answered fr 33.0 %, ru 29.5 %, fa 32.0 %, zh 27.6 %,
    // sure and wrong 2 / 1 / 3 / 3 (where the old training was sure and wrong of 19 / 9 / 24 / 24);
    // then 15 more training phrases for each of the 40 new intents, written blind (no new held-out
    // phrase): answered 38.6 / 35.7 / 39.9 / 34.0 %, sure and wrong 2 / 1 / 8 / 4 (fa: five of the
    // eight between intents whose answers overlap, a salary paid in read as transfer_into_account)
    // session 20: 20 more training phrases for every intent but card_arrival and failed_transfer,
    // written blind (2,121-2,156 kept a language: docs/assistant.md, "Session 20"), and the
    // rule of English (the floor rises until 99 % of the pooled out-of-fold sure answers are
    // right; floor 0.6): answered fr 51.1 %, ru 45.8 %, fa 48.7 %, zh 32.4 % (n-grams; Chinese is
    // served by its bge head, PhraseBlendUnitTests), sure and wrong 4 / 2 / 4 / 2
    // session 22, the word terms cut to five letters (Tfidf.Terms.TRUNCATED_WORDS): answered
    // fr 52.2 %, ru 50.3 %, fa 48.7 %, zh 32.4 %, sure and wrong 5 / 2 / 3 / 2 (French is served by
    // its MiniLM blend: 3 wrong, PhraseBlendUnitTests)
    // session 26: Russian and Persian 20 more training phrases an intent (1,391 and 1,425 kept) and
    // a second held-out set, 12 an intent (844 and 870 kept), all written blind; sending_money (our
    // own intent) in the four languages, 23-24 training and 12 held-out phrases each. Held out now
    // 940 / 1,852 / 1,810 / 892: answered fr 53.7 %, ru 61.8 %, fa 59.2 %, zh 33.5 %, sure and wrong
    // 5 / 10 / 5 / 3 (0.9 % of Russian's 1,144 sure answers, 0.5 % of Persian's 1,072). On the old
    // held-out phrases alone: ru sure of 57.0 % (was 50.3 %), 3 wrong (was 2); fa 56.4 % (48.7 %), 4 (3).
    // Then Russian's head fitted exactly (IntentModel.Settings.phrases, chosen out of fold): sure of
    // 1,294 (69.9 %), 10 wrong
    // session 27: Persian 20 more training phrases an intent, written blind (1,453 kept): sure of
    // 1,161 (64.1 %, was 59.2 %), 9 wrong (0.8 % of them; neighbours such as a stuck payment read
    // as a pending card payment); SGD still, chosen out of fold (docs/assistant.md, "Session 27")
    @CsvSource({"fr,5,0.53", "ru,10,0.69", "fa,9,0.64", "zh,3,0.33"})
    void withTheShippedCalibrationAtMostTheMeasuredFewHeldOutAnswersAreSureAndWrong(
            String language, int ceiling, double answeredAtLeast, @TempDir Path cache) throws IOException {
        IntentModel model = TrainedModels.crossValidated(
                cache, language, phrases(language, "train"), 77, TrainedModels.other(shipped()));
        Examples test = heldOut(language);
        int[] sure = sureAndWrong(model, test);
        assertThat(sure[1]).as("sure and wrong of %d sure", sure[0]).isLessThanOrEqualTo(ceiling);
        assertThat((double) sure[0] / test.size()).isGreaterThanOrEqualTo(answeredAtLeast);
    }

    /** How many of {@code test}'s phrases the model is sure of, and how many of those it gets wrong. */
    static int[] sureAndWrong(org.socialbank.assistant.model.IntentClassifier model, Examples test) {
        int sure = 0;
        int wrong = 0;
        for (int i = 0; i < test.size(); i++) {
            IntentModel.Scored top = model.rank(test.texts().get(i)).get(0);
            if (model.sure(top)) {
                sure++;
                wrong += top.intent().equals(test.intents().get(i)) ? 0 : 1;
            }
        }
        return new int[] {sure, wrong};
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ru", "fa", "zh"})
    void anUnknownQuestionIsBelowTheSureThreshold(String language) {
        List<IntentModel.Scored> ranked = MODELS.get(language).rank("what is the exchange rate for dollars");
        // below the sure floor (0.7) by far; French writes "dollars" too (session 19: 0.42, the
        // others 0.05-0.06)
        assertThat(ranked.get(0).confidence()).isLessThan(0.5);
    }

    /**
     * The message telling a holder her new card is on its way says what to write here if it does
     * not come; that phrase, in her language, is read as card_arrival.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fr", "ru", "fa", "zh"})
    void thePhraseTheDispatchMessageSuggestsIsReadAsCardArrival(String language) throws IOException {
        java.util.Properties messages = new java.util.Properties();
        try (InputStream in =
                PhrasesUnitTests.class.getClassLoader().getResourceAsStream("messages_" + language + ".properties")) {
            messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("[«“]\\s*([^»”]+?)\\s*[»”]")
                .matcher(messages.getProperty("cards.chat.dispatched"));
        assertThat(quoted.find()).isTrue();
        String phrase = quoted.group(1).replace('’', '\'');
        assertThat(MODELS.get(language).rank(phrase).get(0).intent()).as(phrase).isEqualTo("card_arrival");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fa"})
    void persianIsReadTheSameWithOrWithoutZwnj(String language) {
        IntentModel model = MODELS.get(language);
        assertThat(model.rank("می\u200Cخواهم کارت جدیدم را فعال کنم"))
                .isEqualTo(model.rank("میخواهم کارت جدیدم را فعال کنم"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ru", "fa", "zh"})
    void everyIntentHasTwentyTrainingAndTenHeldOutPhrases(String language) throws IOException {
        Map<String, Long> train = counts(phrases(language, "train"));
        Map<String, Long> test = counts(phrases(language, "test"));
        assertThat(train)
                .hasSizeGreaterThanOrEqualTo(31)
                .allSatisfy((intent, n) -> assertThat(n).as(intent).isGreaterThanOrEqualTo(20));
        assertThat(test.keySet()).isEqualTo(train.keySet());
        assertThat(test).allSatisfy((intent, n) -> assertThat(n).as(intent).isGreaterThanOrEqualTo(10));
    }

    /**
     * A held-out phrase that equals or nearly equals a training phrase of its intent would measure
     * memory, not understanding: after folding case, accents, ZWNJ and punctuation, every held-out
     * phrase differs from each training phrase of its intent by more than 15 % of the longer (in
     * edits), and no phrase is written twice.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fr", "ru", "fa", "zh"})
    void noHeldOutPhraseNearlyEqualsATrainingPhraseOfItsIntent(String language) throws IOException {
        Examples train = phrases(language, "train");
        Examples test = phrases(language, "test");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < train.size(); i++) {
            assertThat(seen.add(folded(train.texts().get(i))))
                    .as("twice in training: " + train.texts().get(i))
                    .isTrue();
        }
        for (int i = 0; i < test.size(); i++) {
            String held = folded(test.texts().get(i));
            assertThat(seen.add(held)).as("twice: " + test.texts().get(i)).isTrue();
            for (int j = 0; j < train.size(); j++) {
                if (train.intents().get(j).equals(test.intents().get(i))) {
                    String trained = folded(train.texts().get(j));
                    assertThat(edits(held, trained))
                            .as(test.texts().get(i) + " ~ " + train.texts().get(j))
                            .isGreaterThan((int) Math.max(1, 0.15 * Math.max(held.length(), trained.length())));
                }
            }
        }
    }

    private static Map<String, Long> counts(Examples examples) {
        return examples.intents().stream()
                .collect(java.util.stream.Collectors.groupingBy(i -> i, java.util.stream.Collectors.counting()));
    }

    static String folded(String text) {
        String s = java.text.Normalizer.normalize(
                        text.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replace('ё', 'е')
                .replace('ي', 'ی')
                .replace('ك', 'ک');
        return s.codePoints()
                .filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** Levenshtein distance over chars. */
    static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                current[j] = Math.min(
                        Math.min(previous[j] + 1, current[j - 1] + 1),
                        previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
