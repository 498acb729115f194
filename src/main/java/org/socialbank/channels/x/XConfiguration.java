package org.socialbank.channels.x;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.socialbank.conversation.Conversations;
import org.socialbank.directory.ChannelIdentities;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The X channel's parts. The sender exists only when {@code consumer-secret} is set: an
 * unconfigured node leaves X's replies in the outbox rather than failing them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(XProperties.class)
class XConfiguration {

    @Bean
    XStore xStore(JdbcClient jdbc) {
        return new XStore(jdbc);
    }

    @Bean
    XInbox xInbox(
            XProperties properties,
            XStore store,
            Conversations conversations,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        return new XInbox(properties, store, conversations::receive, clock, events::publishEvent);
    }

    @Bean
    XJanitor xJanitor(XStore store, Clock clock) {
        return new XJanitor(store, clock);
    }

    @Bean
    XApi xApi(XProperties properties, Clock clock) {
        return new XApi(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), properties, clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${socialbank.channels.x.consumer-secret:}' != ''")
    static class Enabled {

        @Bean
        XSender xSender(XApi api, ChannelIdentities identities, XProperties properties, Clock clock) {
            return new XSender(api, identities, properties.publicTextMax(), clock);
        }

        @Bean
        XHandleHolders xHandleHolders(XApi api) {
            return new XHandleHolders(api);
        }
    }
}
