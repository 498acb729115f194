package org.socialbank.loyalty;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoyaltyProperties.class)
class LoyaltyConfiguration {}
