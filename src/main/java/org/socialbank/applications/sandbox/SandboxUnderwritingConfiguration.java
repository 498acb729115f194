package org.socialbank.applications.sandbox;

import org.socialbank.applications.Underwriting;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sandbox rule set is the bank's underwriting unless another one is configured. */
@Configuration(proxyBeanMethods = false)
class SandboxUnderwritingConfiguration {

    @Bean
    @ConditionalOnMissingBean(Underwriting.class)
    SandboxUnderwriting sandboxUnderwriting() {
        return new SandboxUnderwriting();
    }
}
