package org.socialbank.channels.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One security chain for every platform's webhook ({@code /webhooks/telegram/*}, {@code /bale/*},
 * {@code /wechat}, {@code /x}, {@code /whatsapp}): the platforms call them, not a browser or an API
 * client, so there is no CSRF token, no bearer token and no session. Each webhook proves itself
 * before its body is read: the bot's secret token (Telegram, Bale), {@code msg_signature}
 * (WeChat), the body's HMAC (X, WhatsApp), checked by the channel's own controller
 * (docs/security.md). This chain comes before the application's others.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebhookSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
