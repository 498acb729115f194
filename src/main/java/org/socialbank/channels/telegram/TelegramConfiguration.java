package org.socialbank.channels.telegram;

import org.socialbank.conversation.ChannelSender;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.shared.Network;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The bots and, for each network with at least one bot, its {@link ChannelSender}: a network
 * without bots has no sender, so its replies stay in the outbox instead of failing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelegramProperties.class)
class TelegramConfiguration {

    @Bean
    TelegramBots telegramBots(TelegramProperties properties, ObjectProvider<Throttle.Time> time) {
        // tests give a compressed clock; otherwise the system's
        return TelegramBots.of(properties, time.getIfAvailable(() -> Throttle.Time.SYSTEM));
    }

    @Bean
    @Conditional(TelegramBotsConfigured.class)
    ChannelSender telegramSender(TelegramBots bots, TelegramStore store, ChannelIdentities identities) {
        return new TelegramSender(Network.TELEGRAM, bots, store, identities);
    }

    @Bean
    @Conditional(BaleBotsConfigured.class)
    ChannelSender baleSender(TelegramBots bots, TelegramStore store, ChannelIdentities identities) {
        return new TelegramSender(Network.BALE, bots, store, identities);
    }

    private static boolean configured(ConditionContext context, String network) {
        return Binder.get(context.getEnvironment())
                .bind("socialbank.channels." + network + ".bots", Bindable.mapOf(String.class, Object.class))
                .map(m -> !m.isEmpty())
                .orElse(false);
    }

    static final class TelegramBotsConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context, "telegram");
        }
    }

    static final class BaleBotsConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context, "bale");
        }
    }
}
