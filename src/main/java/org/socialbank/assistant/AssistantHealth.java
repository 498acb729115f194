package org.socialbank.assistant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.socialbank.shared.Language;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Which model answers English questions now ({@code quick} for the first seconds of a first
 * start, then {@code tfidf}, then {@code blend} once the MiniLM heads are trained or read from
 * the cache) and where the blend's training is, and the same per language ({@code models}: quick,
 * tfidf or blend; {@code blends}: waiting, training, ready, off or failed; Chinese's bge-small-zh
 * head and French's MiniLM head train after English's), so that an operator knows what a
 * measurement of accuracy measures. Always up: a bank whose assistant is still training, or answers with a
 * lesser model, is not out of service ({@code /actuator/health/assistant}; its details show only
 * to a request with an API token, {@code management.endpoint.health.show-details: when-authorized}).
 */
@Component("assistantHealthIndicator")
class AssistantHealth implements HealthIndicator {

    private final Assistant assistant;

    AssistantHealth(Assistant assistant) {
        this.assistant = assistant;
    }

    private static Map<String, String> perLanguage(Function<String, String> wire) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        Language.tags().forEach(language -> byLanguage.put(language, wire.apply(language)));
        return byLanguage;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("englishModel", assistant.englishModel().wire())
                .withDetail("blend", assistant.blendStage().wire())
                .withDetail(
                        "models",
                        perLanguage(language -> assistant.answering(language).wire()))
                .withDetail(
                        "blends",
                        perLanguage(language -> assistant.blendStage(language).wire()))
                .build();
    }
}
