package org.socialbank.channels.wechat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.socialbank.branches.Branches;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.engine.InlineReplies;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.security.otp.OneTimeCodes;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The WeChat channel's parts. The sender and the menu exist only when {@code app-id} is set: an
 * unconfigured node leaves WeChat's replies in the outbox rather than failing them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeChatProperties.class)
class WeChatConfiguration {

    @Bean
    WeChatApi weChatApi(WeChatProperties properties) {
        return new WeChatApi(properties);
    }

    @Bean
    WeChatAccessTokens weChatAccessTokens(JdbcClient jdbc, WeChatApi api, WeChatProperties properties, Clock clock) {
        return new WeChatAccessTokens(jdbc, api, properties, clock);
    }

    @Bean
    WeChatClient weChatClient(WeChatApi api, WeChatAccessTokens tokens) {
        return new WeChatClient(api, tokens);
    }

    @Bean
    WeChatMassSends weChatMassSends(
            JdbcClient jdbc,
            org.socialbank.conversation.engine.DeliveryReports reports,
            WeChatClient client,
            WeChatProperties properties,
            Clock clock) {
        return new WeChatMassSends(jdbc, reports, client, properties, clock);
    }

    @Bean
    WeChatFollowers weChatFollowers(JdbcClient jdbc, Clock clock, WeChatProperties properties) {
        return new WeChatFollowers(jdbc, clock, properties.customMessagesMax());
    }

    @Bean
    WeChatNonces weChatNonces(JdbcClient jdbc) {
        return new WeChatNonces(jdbc);
    }

    @Bean
    WeChatJanitor weChatJanitor(WeChatNonces nonces, Clock clock) {
        return new WeChatJanitor(nonces, clock);
    }

    @Bean
    OpenCallbacks weChatOpenCallbacks() {
        return new OpenCallbacks();
    }

    @Bean
    WeChatOAuth weChatOAuth(
            WeChatApi api, WeChatProperties properties, DirectoryProperties directory, OneTimeCodes codes) {
        return new WeChatOAuth(api, properties, directory, codes);
    }

    @Bean
    WeChatScenes weChatScenes(Branches branches, MessageSource messages, WeChatProperties properties) {
        return new WeChatScenes(branches, messages, properties);
    }

    @Bean
    WeChatCallbacks weChatCallbacks(
            Conversations conversations,
            InlineReplies inline,
            ChannelIdentities identities,
            WeChatFollowers followers,
            OpenCallbacks openCallbacks,
            WeChatOAuth oauth,
            WeChatScenes scenes,
            MessageSource messages,
            WeChatProperties properties,
            WeChatMassSends massSends,
            WeChatRetries retries,
            Clock clock) {
        return new WeChatCallbacks(
                conversations,
                inline,
                identities,
                followers,
                openCallbacks,
                oauth,
                scenes,
                messages,
                properties,
                massSends,
                retries,
                clock);
    }

    @Bean
    WeChatRetries weChatRetries(
            JdbcClient jdbc,
            Conversations conversations,
            OneTimeCodes codes,
            WeChatProperties properties,
            Clock clock,
            LateWorkLeases leases) {
        return new WeChatRetries(jdbc, conversations, codes, properties, clock, leases);
    }

    /** Renewed on a thread of its own while the channel is on; closed with the context. */
    @Bean
    LateWorkLeases weChatLateWorkLeases(
            JdbcClient jdbc, WeChatProperties properties, Clock clock, MeterRegistry meters) {
        LateWorkLeases leases = new LateWorkLeases(jdbc, properties, clock, meters);
        if (properties.enabled()) {
            leases.start();
        }
        return leases;
    }

    @Bean
    WeChatMenu weChatMenu(WeChatClient client, MessageSource messages, WeChatProperties properties) {
        return new WeChatMenu(client, messages, properties);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${socialbank.channels.wechat.app-id:}' != ''")
    static class Enabled {

        @Bean
        WeChatSender weChatSender(
                WeChatClient client,
                WeChatFollowers followers,
                OpenCallbacks openCallbacks,
                WeChatOAuth oauth,
                WeChatProperties properties,
                ChannelIdentities identities,
                Directory directory,
                WeChatMassSends massSends,
                org.springframework.beans.factory.ObjectProvider<org.socialbank.shared.MarketingMessages> marketing,
                Clock clock) {
            return new WeChatSender(
                    client,
                    followers,
                    openCallbacks,
                    oauth,
                    properties,
                    identities,
                    directory,
                    new WeChatSender.Campaigns(
                            massSends, marketing.getIfAvailable(() -> id -> java.util.Optional.empty())),
                    clock);
        }

        /** Sets the menu in the background: WeChat being slow must not hold the start. */
        @Bean
        ApplicationRunner weChatMenuAtStart(WeChatMenu menu, WeChatProperties properties) {
            return args -> {
                if (properties.menu()) {
                    Thread thread = new Thread(menu::set, "wechat-menu");
                    thread.setDaemon(true);
                    thread.start();
                }
            };
        }
    }
}
