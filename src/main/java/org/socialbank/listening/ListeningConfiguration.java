package org.socialbank.listening;

import org.socialbank.listening.classify.Classifier;
import org.socialbank.shared.Network;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ListeningProperties.class)
class ListeningConfiguration {

    /** Loads the lexicons once; classification is thread-safe. */
    @Bean
    Classifier listeningClassifier() {
        return new Classifier();
    }

    @Bean
    MentionSource xMentions() {
        return MentionSource.of("x", Network.X);
    }

    @Bean
    MentionSource telegramMentions() {
        return MentionSource.of("telegram", Network.TELEGRAM);
    }

    @Bean
    MentionSource baleMentions() {
        return MentionSource.of("bale", Network.BALE);
    }

    @Bean
    MentionSource webchatMentions() {
        return MentionSource.of("webchat", Network.WEBCHAT);
    }

    @Bean
    MentionSource newsMentions() {
        return MentionSource.of("news", null);
    }

    @Bean
    MentionSource appStoreMentions() {
        return MentionSource.of("appstore", null);
    }
}
