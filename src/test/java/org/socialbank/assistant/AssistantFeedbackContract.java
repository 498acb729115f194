package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.support.Seeds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The votes against the answer text shown, and the API caller's bound on open answer ids, on
 * each store (V121; review 2026-12-07 assistant follow-up).
 */
abstract class AssistantFeedbackContract {

    @Autowired
    Assistant assistant;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AssistantProperties properties;

    @Autowired
    javax.sql.DataSource dataSource;

    @BeforeEach
    void noVotesNorEdits() {
        jdbc.sql("DELETE FROM assistant_feedback").update();
        jdbc.sql("DELETE FROM assistant_answers").update();
        jdbc.sql("DELETE FROM assistant_answer_edits").update();
    }

    @Test
    @DisplayName("a staff edit starts its answer's count afresh, the old text's votes shown apart; a revert brings the "
            + "shipped text's votes back (review 2026-12-07 assistant follow-up)")
    void aStaffEditStartsTheCountAfresh() {
        assistant.recordFeedback(UUID.randomUUID(), "card_arrival", "fr", false, "telegram");
        assistant.recordFeedback(UUID.randomUUID(), "card_arrival", "fr", false, "telegram");
        assertThat(assistant.feedbackByIntent("fr", 10)).containsExactly(new IntentFeedback("card_arrival", 0, 2));

        edit("card_arrival", "fr", "# Ma carte\nElle arrive sous 5 jours ouvrés.");
        assertThat(assistant.feedbackByIntent("fr", 10))
                .as("the rewritten answer has no thumbs-down yet")
                .containsExactly(new IntentFeedback("card_arrival", 0, 0, 0, 2));
        assistant.recordFeedback(UUID.randomUUID(), "card_arrival", "fr", true, "telegram");
        assertThat(assistant.feedbackByIntent("fr", 10))
                .containsExactly(new IntentFeedback("card_arrival", 1, 0, 0, 2));

        revert("card_arrival", "fr");
        assertThat(assistant.feedbackByIntent("fr", 10))
                .as("the shipped text again: its votes are current again")
                .containsExactly(new IntentFeedback("card_arrival", 0, 2, 1, 0));
    }

    @Test
    @DisplayName("more than 20,000 texts voted on: the report's totals count every vote, helpful-only texts too, "
            + "none cut off silently (reread 2026-12-08 assistant)")
    void manyVotedTextsAreAllCounted() {
        int texts = 20_003;
        List<Object[]> rows = new ArrayList<>();
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2026-12-01T10:00:00Z");
        for (int i = 0; i < texts; i++) { // one helpful vote on each of many old texts
            rows.add(new Object[] {UUID.randomUUID(), "card_arrival", "zh", String.format("old%013d", i), true, at});
        }
        new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .batchUpdate(
                        "INSERT INTO assistant_feedback (answer_id, intent, language, answer_hash, helpful, channel, "
                                + "given_at) VALUES (?, ?, ?, ?, ?, 'api', ?)",
                        rows);
        assistant.recordFeedback(UUID.randomUUID(), "card_arrival", "zh", false, "telegram");
        assistant.recordFeedback(UUID.randomUUID(), "age_limit", "zh", false, "telegram");

        assertThat(assistant.feedbackByIntent("zh", 10))
                .containsExactly(
                        new IntentFeedback("age_limit", 0, 1, 0, 0),
                        new IntentFeedback("card_arrival", 0, 1, texts, 0));
        assertThat(assistant.feedbackByIntent(null, 10))
                .containsExactly(
                        new IntentFeedback("age_limit", 0, 1, 0, 0),
                        new IntentFeedback("card_arrival", 0, 1, texts, 0));
    }

    @Test
    @DisplayName(
            "card_delivery_estimate's votes count under card_arrival, whose text it shows, in the chat and over the "
                    + "API (review 2026-12-07 assistant follow-up)")
    void aSharedAnswersVotesCountUnderTheIntentWhoseTextWasShown() {
        assistant.recordFeedback(UUID.randomUUID(), "card_delivery_estimate", "en", false, "telegram");
        UUID issued = assistant
                .issueAnswer(new Classification("card_delivery_estimate", 0.99, List.of(), "en", true), "partner")
                .orElseThrow();
        assertThat(assistant.recordIssuedFeedback(issued, false)).isInstanceOf(FeedbackResult.Counted.class);
        assistant.recordFeedback(UUID.randomUUID(), "card_arrival", "en", true, "telegram");

        assertThat(assistant.feedbackByIntent("en", 10)).containsExactly(new IntentFeedback("card_arrival", 1, 2));
    }

    @Test
    @DisplayName("an id the API issued counts against the text it was issued with, even when staff changed the answer "
            + "before the vote (review 2026-12-07 assistant follow-up)")
    void anIssuedAnswersVoteCountsAgainstTheTextIssued() {
        UUID issued = assistant
                .issueAnswer(new Classification("age_limit", 0.99, List.of(), "ru", true), "partner")
                .orElseThrow();
        edit("age_limit", "ru", "# Возраст\nСчёт можно открыть с 18 лет.");

        assertThat(assistant.recordIssuedFeedback(issued, false)).isInstanceOf(FeedbackResult.Counted.class);
        assertThat(assistant.feedbackByIntent("ru", 10)).containsExactly(new IntentFeedback("age_limit", 0, 0, 0, 1));
    }

    @Test
    @DisplayName("one API caller holds at most answers-per-caller-max open answer ids: a new one drops its oldest, "
            + "never another caller's (review 2026-12-07 assistant follow-up)")
    void aCallersOpenAnswerIdsAreBounded() {
        Classification sure = new Classification("age_limit", 0.99, List.of(), "zh", true);
        UUID others = assistant.issueAnswer(sure, "other").orElseThrow();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < properties.answersPerCallerMax() + 3; i++) {
            ids.add(assistant.issueAnswer(sure, "busy").orElseThrow());
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM assistant_answers WHERE caller = 'busy'")
                        .query(Long.class)
                        .single())
                .isEqualTo(properties.answersPerCallerMax());
        for (UUID dropped : ids.subList(0, 3)) {
            assertThat(assistant.recordIssuedFeedback(dropped, true))
                    .as("the caller's oldest were dropped")
                    .isInstanceOf(FeedbackResult.Refused.class);
        }
        assertThat(assistant.recordIssuedFeedback(ids.get(3), true)).isInstanceOf(FeedbackResult.Counted.class);
        assertThat(assistant.recordIssuedFeedback(ids.get(ids.size() - 1), true))
                .isInstanceOf(FeedbackResult.Counted.class);
        assertThat(assistant.recordIssuedFeedback(others, true))
                .as("another caller's id stays")
                .isInstanceOf(FeedbackResult.Counted.class);
    }

    static List<Long> seeds() {
        return Seeds.fixedAndFresh("AssistantFeedbackContract", 20261207L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("seeded edits, reverts and votes: every vote is counted once, as current exactly when it was given on "
            + "the text shown now (review 2026-12-07 assistant follow-up)")
    void everyVoteCountsOnceAgainstTheTextItWasGivenOn(long seed) {
        RandomGenerator random = Seeds.random(seed);
        List<String> intents = List.of("card_arrival", "card_delivery_estimate", "exchange_rate");
        // per vote: the intent counted, its language, helpful, the text's hash when given
        List<String[]> votes = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            String intent = intents.get(random.nextInt(intents.size()));
            String language = random.nextBoolean() ? "en" : "fa";
            int what = random.nextInt(10);
            if (what == 0) {
                edit(KnowledgeBase.shownIntent(intent), language, "# T\nVersion " + random.nextInt(1_000_000));
            } else if (what == 1) {
                revert(KnowledgeBase.shownIntent(intent), language);
            } else {
                boolean helpful = random.nextBoolean();
                String hash = assistant.knowledge().currentHash(intent, language);
                if (what < 6) {
                    assistant.recordFeedback(UUID.randomUUID(), intent, language, helpful, "telegram");
                } else {
                    UUID id = assistant
                            .issueAnswer(new Classification(intent, 0.99, List.of(), language, true), "seeded")
                            .orElseThrow();
                    assertThat(assistant.recordIssuedFeedback(id, helpful))
                            .as("seed " + seed)
                            .isInstanceOf(FeedbackResult.Counted.class);
                }
                votes.add(new String[] {KnowledgeBase.shownIntent(intent), language, String.valueOf(helpful), hash});
            }
        }
        Map<String, long[]> expected = new HashMap<>();
        for (String[] v : votes) {
            boolean current = assistant.knowledge().currentHash(v[0], v[1]).equals(v[3]);
            expected.computeIfAbsent(v[0], k -> new long[4])[
                    (current ? 0 : 2) + (Boolean.parseBoolean(v[2]) ? 0 : 1)]++;
        }
        List<IntentFeedback> counted = assistant.feedbackByIntent(null, Assistant.FEEDBACK_INTENTS_MAX);
        assertThat(counted)
                .as(Seeds.replay(seed))
                .containsExactlyInAnyOrderElementsOf(expected.entrySet().stream()
                        .map(e -> new IntentFeedback(
                                e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                        .toList());
        for (int i = 1; i < counted.size(); i++) {
            assertThat(counted.get(i - 1).notHelpful())
                    .as("worst current text first, " + Seeds.replay(seed))
                    .isGreaterThanOrEqualTo(counted.get(i).notHelpful());
        }
    }

    private void edit(String intent, String language, String markdown) {
        KnowledgeBase.Change change =
                assistant.knowledge().edit(intent, language, markdown, newest(intent, language), "staff");
        assertThat(change).isInstanceOf(KnowledgeBase.Saved.class);
    }

    private void revert(String intent, String language) {
        assistant.knowledge().revert(intent, language, newest(intent, language), "staff");
    }

    private int newest(String intent, String language) {
        return assistant.knowledge().history(intent, language).stream()
                .findFirst()
                .map(KnowledgeBase.Version::version)
                .orElse(0);
    }
}
