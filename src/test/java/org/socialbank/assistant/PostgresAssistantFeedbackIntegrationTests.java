package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Issue 18's votes on PostgreSQL (V44): one per answer, counted per intent, worst first. */
@SpringBootTest
class PostgresAssistantFeedbackIntegrationTests {

    @Autowired
    Assistant assistant;

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
}
