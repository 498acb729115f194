package org.socialbank.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.assistant.ClassifyResult.Code;
import org.socialbank.assistant.ClassifyResult.Refused;
import org.socialbank.assistant.jdbc.Feedbacks;
import org.socialbank.assistant.jdbc.IssuedAnswers;
import org.socialbank.assistant.model.IntentClassifier;
import org.socialbank.assistant.model.IntentModel;

/**
 * Classifies a customer's free question into an intent of the language it is written in. The
 * English intents are BANKING77's names; the other languages use the same names for the intents
 * their phrase sets cover, and three of our own ({@link FeatureQuestions}). Never sure below the
 * intent's threshold, calibrated on validation when its model was trained.
 */
public class Assistant {

    static final int ALTERNATIVES = 3;

    /** The most intents one feedback report lists. */
    public static final int FEEDBACK_INTENTS_MAX = 77;

    /** How long an answer id the API issued can be voted on (review 2026-12-07 assistant follow-up). */
    public static final Duration ANSWER_TTL = Duration.ofDays(1);

    /** The most expired answer ids one issue deletes: more than one, so the backlog only shrinks. */
    static final int EXPIRED_DELETED_MAX = 100;

    private final AssistantProperties properties;
    private final TrainedModels models;
    private final Feedbacks feedbacks;
    private final IssuedAnswers issued;
    private final Clock clock;
    private final KnowledgeBase knowledge;

    Assistant(
            AssistantProperties properties,
            TrainedModels models,
            Feedbacks feedbacks,
            IssuedAnswers issued,
            Clock clock,
            KnowledgeBase knowledge) {
        this.properties = properties;
        this.models = models;
        this.feedbacks = feedbacks;
        this.issued = issued;
        this.clock = clock;
        this.knowledge = knowledge;
    }

    /** The answers per intent and language, as staff last left them (issue 18). */
    public KnowledgeBase knowledge() {
        return knowledge;
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
        String lang = language == null || language.isBlank()
                ? Languages.guess(text)
                : language.strip().toLowerCase(Locale.ROOT);
        if (!Languages.ALL.contains(lang)) {
            return new Refused(Code.UNSUPPORTED_LANGUAGE, "The language must be one of en, fr, ru, fa, zh.");
        }
        Map<String, IntentClassifier> ready;
        try {
            ready = models.current();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            // the quick model failed (logged) and the full models are not there yet: a problem, not a 500
            return new Refused(Code.MODELS_UNAVAILABLE, "The assistant's models are not trained yet; try again later.");
        }
        IntentClassifier own = ready.get(lang);
        IntentClassifier model = own != null ? own : ready.get("en");
        List<IntentModel.Scored> ranked = model.rank(text);
        List<Classification.Alternative> top = ranked.subList(0, Math.min(ALTERNATIVES, ranked.size())).stream()
                .map(s -> new Classification.Alternative(s.intent(), round(s.confidence())))
                .toList();
        IntentModel.Scored best = ranked.get(0);
        // the threshold is the intent's own, calibrated on validation when the model was trained
        // a language without its own model yet (the English quick one answers while the models train)
        // is never sure: an English model's confidence says nothing of French (review 2026-12-07)
        return new Classification(best.intent(), round(best.confidence()), top, lang, own != null && model.sure(best));
    }

    /**
     * Whether the models are trained, so that {@link #classify} answers at once; a caller that must
     * not wait (the chat, inside its transaction) asks this first.
     */
    public boolean ready() {
        return models.ready();
    }

    /** Which model answers an English question now (quick, TF-IDF or the blend): the health details. */
    AnsweringModel englishModel() {
        return models.english();
    }

    /** Where the English blend's training is: the health details. */
    BlendStage blendStage() {
        return models.blendStage();
    }

    /** Which model answers a question in {@code language} now (quick, TF-IDF or its blend): the health details. */
    AnsweringModel answering(String language) {
        return models.answering(language);
    }

    /** Where {@code language}'s encoder blend's training is: the health details. */
    BlendStage blendStage(String language) {
        return models.stage(language);
    }

    /** Blocks until the models are trained (or read from the cache). */
    public void awaitReady() {
        models.await();
    }

    /**
     * Counts a customer's vote on one answer ("did this help?") as its text reads now: for a caller
     * that does not know which text it showed. See {@link #recordFeedback(UUID, String, String,
     * String, boolean, String)}.
     */
    public FeedbackResult recordFeedback(
            UUID answerId, String intent, String language, boolean helpful, String channel) {
        String hash = intent == null || language == null ? null : knowledge.currentHash(intent, language);
        return recordFeedback(answerId, intent, language, hash, helpful, channel);
    }

    /**
     * Counts a customer's vote on one answer ("did this help?") by intent, language and the text
     * voted on ({@code answerHash}, {@link KnowledgeBase.Answer#hash}): for the chat, whose buttons
     * hold the answer's id, intent, language and text server-side (the API votes through {@link
     * #recordIssuedFeedback}). An intent answered with another's text counts under that one
     * ({@link KnowledgeBase#SAME_ANSWER}). One vote per answer: the first stands. In a chat the
     * caller holds the conversation's lock, so a second press of the same answer cannot race the
     * first.
     *
     * @param channel where the answer was given (a network's wire name, or "api")
     */
    public FeedbackResult recordFeedback(
            UUID answerId, String intent, String language, String answerHash, boolean helpful, String channel) {
        if (answerId == null) {
            return new FeedbackResult.Refused(FeedbackResult.Code.MISSING_ANSWER_ID, "The answer id is missing.");
        }
        if (intent == null || !Intents.ALL.contains(intent) && !FeatureQuestions.INTENTS.contains(intent)) {
            return new FeedbackResult.Refused(
                    FeedbackResult.Code.UNKNOWN_INTENT, "The intent is neither one of BANKING77's nor one of ours.");
        }
        if (language == null || !Languages.ALL.contains(language)) {
            return new FeedbackResult.Refused(
                    FeedbackResult.Code.UNSUPPORTED_LANGUAGE, "The language must be one of en, fr, ru, fa, zh.");
        }
        if (feedbacks.exists(answerId)) {
            return new FeedbackResult.AlreadyCounted();
        }
        String hash = answerHash != null ? answerHash : knowledge.currentHash(intent, language);
        try {
            feedbacks.insert(
                    answerId, KnowledgeBase.shownIntent(intent), language, hash, helpful, channel, clock.instant());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return new FeedbackResult.AlreadyCounted(); // the API's concurrent twin won
        }
        return new FeedbackResult.Counted();
    }

    /** {@link #issueAnswer(Classification, String)} for one caller, "api". */
    public Optional<UUID> issueAnswer(Classification c) {
        return issueAnswer(c, "api");
    }

    /**
     * An answer id for a classification the API returns, when it is sure of an intent that has a
     * written answer in its language (its own, or the one it shares): stored with the intent whose
     * text is shown, that text's hash and the language until {@link #ANSWER_TTL}, so that a vote
     * over the API counts only on an answer the bank gave, against the text it gave. Deletes a
     * bounded batch of expired ids on the way, and the caller's oldest beyond {@link
     * AssistantProperties#answersPerCallerMax} (review 2026-12-07 assistant follow-up).
     *
     * @param caller who asked (the API principal's name)
     */
    public Optional<UUID> issueAnswer(Classification c, String caller) {
        String shown = KnowledgeBase.shownIntent(c.intent());
        if (!c.sure() || knowledge.shipped(shown, c.language()).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        issued.deleteExpiredBefore(now, EXPIRED_DELETED_MAX);
        UUID answerId = UUID.randomUUID();
        String hash = knowledge.currentHash(shown, c.language());
        issued.insert(new IssuedAnswers.Issued(answerId, shown, c.language(), hash), caller, now, now.plus(ANSWER_TTL));
        // one caller cannot fill the table within the day the ids live (review 2026-12-07 assistant
        // follow-up); the chat's ids live in its buttons, which the chat bounds
        issued.deleteOldestOf(caller, properties.answersPerCallerMax(), EXPIRED_DELETED_MAX);
        return Optional.of(answerId);
    }

    /**
     * Counts a vote over the API on an answer {@link #issueAnswer} gave and that has not expired,
     * under the intent, language and text it was issued with: the caller chooses none. One vote per
     * answer: the first stands (review 2026-12-07 assistant follow-up).
     */
    public FeedbackResult recordIssuedFeedback(UUID answerId, boolean helpful) {
        if (answerId == null) {
            return new FeedbackResult.Refused(FeedbackResult.Code.MISSING_ANSWER_ID, "The answer id is missing.");
        }
        Optional<IssuedAnswers.Issued> answer = issued.unexpired(answerId, clock.instant());
        if (answer.isEmpty()) {
            return new FeedbackResult.Refused(
                    FeedbackResult.Code.UNKNOWN_ANSWER, "The answer id was not issued by classify, or has expired.");
        }
        IssuedAnswers.Issued a = answer.get();
        return recordFeedback(answerId, a.intent(), a.language(), a.answerHash(), helpful, "api");
    }

    /**
     * The votes per intent, the intents whose current text is voted "not helpful" most first: the
     * answers staff should rewrite. A vote counts as current when it was given on the text shown
     * now in its language; the others (an older version, a text since replaced, a vote from before
     * votes recorded their text) are counted apart. {@code language} null for all languages.
     */
    public List<IntentFeedback> feedbackByIntent(String language, int limit) {
        Map<String, long[]> byIntent = new java.util.TreeMap<>();
        Map<String, String> current = new java.util.HashMap<>();
        for (Feedbacks.Count c : feedbacks.byIntent(language)) { // every vote, older until shown current
            String intent = KnowledgeBase.shownIntent(c.intent()); // votes from before V121 too
            current.computeIfAbsent(intent + "/" + c.language(), k -> knowledge.currentHash(intent, c.language()));
            long[] votes = byIntent.computeIfAbsent(intent, k -> new long[4]);
            votes[2] += c.helpful();
            votes[3] += c.notHelpful();
        }
        for (Feedbacks.Count c : feedbacks.onTexts(language, new java.util.HashSet<>(current.values()))) {
            String intent = KnowledgeBase.shownIntent(c.intent());
            if (c.answerHash().equals(current.get(intent + "/" + c.language()))) {
                long[] votes = byIntent.get(intent);
                votes[0] += c.helpful();
                votes[1] += c.notHelpful();
                votes[2] -= c.helpful();
                votes[3] -= c.notHelpful();
            }
        }
        return byIntent.entrySet().stream()
                .map(e -> new IntentFeedback(
                        e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .sorted(java.util.Comparator.comparingLong(IntentFeedback::notHelpful)
                        .reversed()
                        .thenComparingLong(IntentFeedback::helpful)
                        .thenComparing(java.util.Comparator.comparingLong(IntentFeedback::olderNotHelpful)
                                .reversed())
                        .thenComparing(IntentFeedback::intent))
                .limit(Math.max(1, Math.min(limit, FEEDBACK_INTENTS_MAX)))
                .toList();
    }

    private static double round(double p) {
        return Math.round(p * 10_000) / 10_000.0;
    }
}
