package org.socialbank.channels.whatsapp;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.engine.DeliveryReports;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.Directory;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.shared.web.RequestBodyLimit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The WhatsApp channel's parts. The sender exists only when {@code app-secret} is set: an
 * unconfigured node leaves WhatsApp's replies in the outbox rather than failing them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WhatsAppProperties.class)
class WhatsAppConfiguration {

    @Bean
    WhatsAppStore whatsAppStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new WhatsAppStore(jdbc, transactions);
    }

    /** The number's rate-limit pauses, shared by every node through the database. */
    @Bean
    WhatsAppPauses whatsAppPauses(JdbcClient jdbc, WhatsAppProperties properties) {
        return new WhatsAppPauses(jdbc, properties.phoneNumberId());
    }

    /**
     * The number's pace on this node and its pauses on every node, shared by the sender and the
     * statuses' rate limits.
     */
    @Bean
    Pacing whatsAppPacing(WhatsAppProperties properties, WhatsAppPauses pauses, Clock clock) {
        return new Pacing(clock, properties.messagesPerSecond(), pauses);
    }

    @Bean
    WhatsAppStatuses whatsAppStatuses(
            WhatsAppStore store,
            DeliveryReports reports,
            Pacing pacing,
            WhatsAppProperties properties,
            DurableTransactions writes,
            Clock clock) {
        return new WhatsAppStatuses(store, reports, pacing, properties, writes, clock);
    }

    @Bean
    WhatsAppInbox whatsAppInbox(
            WhatsAppProperties properties,
            WhatsAppStore store,
            WhatsAppStatuses statuses,
            Conversations conversations,
            Clock clock) {
        return new WhatsAppInbox(properties, store, statuses, conversations, clock);
    }

    /** Meta batches many statuses in one post: the webhook takes larger bodies than other requests. */
    @Bean
    RequestBodyLimit whatsAppWebhookBodyLimit(WhatsAppProperties properties) {
        return new RequestBodyLimit(WEBHOOK_PATH, properties.webhookMaxBodyBytes());
    }

    static final String WEBHOOK_PATH = "/webhooks/whatsapp";

    @Bean
    WhatsAppJanitor whatsAppJanitor(WhatsAppStore store, WhatsAppPauses pauses, Clock clock) {
        return new WhatsAppJanitor(store, pauses, clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${socialbank.channels.whatsapp.app-secret:}' != ''")
    static class Enabled {

        @Bean
        WhatsAppSender whatsAppSender(
                WhatsAppStore store,
                WhatsAppStatuses statuses,
                Pacing pacing,
                ChannelIdentities identities,
                Directory directory,
                WhatsAppProperties properties,
                org.springframework.beans.factory.ObjectProvider<org.socialbank.shared.MarketingMessages> marketing,
                Clock clock) {
            WhatsAppApi api = new WhatsAppApi(
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build(),
                    properties);
            return new WhatsAppSender(
                    api,
                    store,
                    statuses,
                    pacing,
                    identities,
                    directory,
                    properties,
                    marketing.getIfAvailable(() -> id -> java.util.Optional.empty()),
                    clock);
        }
    }
}
