package org.socialbank.assistant;

import org.socialbank.assistant.jdbc.Feedbacks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssistantProperties.class)
class AssistantConfiguration {

    /** Starts the training (or the cache read) in the background as the context starts. */
    @Bean
    Assistant assistant(AssistantProperties properties, org.springframework.jdbc.core.simple.JdbcClient jdbc,
            java.time.Clock clock) {
        return new Assistant(properties, new TrainedModels(properties), new Feedbacks(jdbc), clock);
    }
}
