package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.support.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 18's votes on PostgreSQL (V44): one per answer, counted per intent, worst first; and the
 * votes' contract (V121).
 */
@SpringBootTest
class PostgresAssistantFeedbackIntegrationTests extends AssistantFeedbackContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
    }

    @Test
    void votesAreCountedOncePerAnswerAndPerIntentWorstFirst() {
        UUID answer = UUID.randomUUID();
        assertThat(assistant.recordFeedback(answer, "card_swallowed", "zh", false, "wechat"))
                .isInstanceOf(FeedbackResult.Counted.class);
        assertThat(assistant.recordFeedback(answer, "card_swallowed", "zh", true, "wechat"))
                .isInstanceOf(FeedbackResult.AlreadyCounted.class);
        assistant.recordFeedback(UUID.randomUUID(), "exchange_rate", "zh", true, "wechat");
        assistant.recordFeedback(UUID.randomUUID(), "exchange_rate", "zh", false, "wechat");
        assistant.recordFeedback(UUID.randomUUID(), "exchange_rate", "en", false, "telegram");

        assertThat(assistant.feedbackByIntent("zh", 10))
                .containsExactly(new IntentFeedback("card_swallowed", 0, 1), new IntentFeedback("exchange_rate", 1, 1));
        assertThat(assistant.feedbackByIntent(null, 1)).containsExactly(new IntentFeedback("exchange_rate", 1, 2));
        assertThat(assistant.recordFeedback(UUID.randomUUID(), "not_an_intent", "zh", true, "wechat"))
                .isInstanceOf(FeedbackResult.Refused.class);
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "the API's answer ids on PostgreSQL (V120): a vote counts under the issued intent, "
                    + "expired ids are deleted as new ones are issued (review 2026-12-07 assistant follow-up)")
    void issuedAnswersAreVotedOnceAndExpiredOnesCleanedUp() {
        java.time.Instant past =
                java.time.Instant.now().minus(Assistant.ANSWER_TTL).minusSeconds(60);
        for (int i = 0; i < 3; i++) {
            jdbc.sql("INSERT INTO assistant_answers (answer_id, intent, language, created_at, expires_at) "
                            + "VALUES (?, 'age_limit', 'ru', ?, ?)")
                    .params(
                            UUID.randomUUID(),
                            org.socialbank.shared.jdbc.Timestamps.utc(past),
                            org.socialbank.shared.jdbc.Timestamps.utc(past.plus(Assistant.ANSWER_TTL)))
                    .update();
        }
        UUID answer = assistant
                .issueAnswer(new Classification("age_limit", 0.99, java.util.List.of(), "ru", true))
                .orElseThrow();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM assistant_answers")
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(assistant.recordIssuedFeedback(answer, true)).isInstanceOf(FeedbackResult.Counted.class);
        assertThat(assistant.recordIssuedFeedback(answer, false)).isInstanceOf(FeedbackResult.AlreadyCounted.class);
        assertThat(assistant.feedbackByIntent("ru", 10)).containsExactly(new IntentFeedback("age_limit", 1, 0));
        assertThat(assistant.recordIssuedFeedback(UUID.randomUUID(), true))
                .isEqualTo(new FeedbackResult.Refused(
                        FeedbackResult.Code.UNKNOWN_ANSWER,
                        "The answer id was not issued by classify, or has expired."));
    }
}
