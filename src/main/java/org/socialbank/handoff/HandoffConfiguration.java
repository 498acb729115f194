package org.socialbank.handoff;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HandoffProperties.class, HandoffRetentionProperties.class})
class HandoffConfiguration {}
