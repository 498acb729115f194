package org.socialbank.loyalty.sandbox;

import org.socialbank.loyalty.Rewards;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sandbox is the rewards partner unless a real one is configured. */
@Configuration(proxyBeanMethods = false)
class SandboxRewardsConfiguration {

    @Bean
    @ConditionalOnMissingBean(Rewards.class)
    SandboxRewards sandboxRewards() {
        return new SandboxRewards();
    }
}
