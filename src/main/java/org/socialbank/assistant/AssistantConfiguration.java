package org.socialbank.assistant;

import org.socialbank.assistant.jdbc.Feedbacks;
import org.socialbank.assistant.jdbc.IssuedAnswers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssistantProperties.class)
class AssistantConfiguration {

    /**
     * Starts the training (or the cache read) in the background as the context starts; a test may
     * provide its own {@link ModelTraining} (a blocked or failing one), else the shipped one.
     */
    @Bean
    Assistant assistant(
            AssistantProperties properties,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            java.time.Clock clock,
            KnowledgeBase knowledge,
            org.springframework.beans.factory.ObjectProvider<ModelTraining> training) {
        TrainedModels models =
                new TrainedModels(properties, training.getIfAvailable(() -> ModelTraining.shipped(properties)));
        return new Assistant(properties, models, new Feedbacks(jdbc), new IssuedAnswers(jdbc), clock, knowledge);
    }

    /** The answers shipped as markdown, and staff's versions of them (issue 18). */
    @Bean
    KnowledgeBase knowledgeBase(org.springframework.jdbc.core.simple.JdbcClient jdbc, java.time.Clock clock) {
        return new KnowledgeBase(new org.socialbank.assistant.jdbc.AnswerEdits(jdbc), clock);
    }
}
