package org.socialbank.cards.sandbox;

import org.socialbank.cards.CardProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sandbox is the card processor unless a real one is configured. */
@Configuration(proxyBeanMethods = false)
class SandboxCardProcessorConfiguration {

    @Bean
    @ConditionalOnMissingBean(CardProcessor.class)
    SandboxCardProcessor sandboxCardProcessor() {
        return new SandboxCardProcessor();
    }
}
