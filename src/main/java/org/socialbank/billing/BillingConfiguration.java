package org.socialbank.billing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(BillingProperties.class)
class BillingConfiguration {

    /** The billers of other countries shipped in the jar; a bad entry stops the start. */
    @Bean
    BillerRegistry billerRegistry() {
        return BillerRegistry.shipped();
    }

    /** The switch of account-number bills over HTTP, when its URL is set (else the embedded sandbox). */
    @Bean
    @ConditionalOnProperty("socialbank.billing.account-biller.url")
    AccountBiller httpAccountBiller(BillingProperties properties) {
        return new HttpAccountBiller(properties.accountBiller());
    }
}
