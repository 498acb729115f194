package org.socialbank.assistant;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssistantProperties.class)
class AssistantConfiguration {

    /** Starts the training (or the cache read) in the background as the context starts. */
    @Bean
    Assistant assistant(AssistantProperties properties) {
        return new Assistant(properties, new TrainedModels(properties));
    }
}
