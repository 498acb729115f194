package org.socialbank.assistant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Which model answers English questions now ({@code quick} for the first seconds of a first
 * start, then {@code tfidf}, then {@code blend} once the MiniLM heads are trained or read from
 * the cache) and where the blend's training is, and the same for Chinese ({@code chineseModel},
 * {@code chineseBlend}: its bge-small-zh head trains after English's), so that an operator knows
 * what a measurement of accuracy measures. Always up: a bank whose assistant is still training, or answers with a
 * lesser model, is not out of service ({@code /actuator/health/assistant}; its details show only
 * to a request with an API token, {@code management.endpoint.health.show-details: when-authorized}).
 */
@Component("assistantHealthIndicator")
class AssistantHealth implements HealthIndicator {

    private final Assistant assistant;

    AssistantHealth(Assistant assistant) {
        this.assistant = assistant;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("englishModel", assistant.englishModel().wire())
                .withDetail("blend", assistant.blendStage().wire())
                .withDetail("chineseModel", assistant.chineseModel().wire())
                .withDetail("chineseBlend", assistant.chineseStage().wire())
                .build();
    }
}
