package org.socialbank.channels.webchat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebChatProperties.class)
class WebChatConfiguration {}
