package org.socialbank.listening.cases;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CasesProperties.class, StaffChatProperties.class})
class CasesConfiguration {}
