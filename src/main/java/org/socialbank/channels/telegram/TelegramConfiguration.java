package org.socialbank.channels.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Set;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.ChatSettings;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.shared.Network;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
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
    ChannelSender telegramSender(
            TelegramBots bots,
            TelegramStore store,
            ChannelIdentities identities,
            MessageSource messages,
            ChatSettings settings,
            MeterRegistry meters,
            Environment environment) {
        return new TelegramSender(
                Network.TELEGRAM,
                bots,
                store,
                identities,
                lock(Network.TELEGRAM, messages, settings, meters, environment));
    }

    @Bean
    @Conditional(BaleBotsConfigured.class)
    ChannelSender baleSender(
            TelegramBots bots,
            TelegramStore store,
            ChannelIdentities identities,
            MessageSource messages,
            ChatSettings settings,
            MeterRegistry meters,
            Environment environment) {
        return new TelegramSender(
                Network.BALE, bots, store, identities, lock(Network.BALE, messages, settings, meters, environment));
    }

    private static GroupLock lock(
            Network network,
            MessageSource messages,
            ChatSettings settings,
            MeterRegistry meters,
            Environment environment) {
        return new GroupLock(
                network,
                staffChats(environment, network),
                messages,
                identity -> settings.of(identity).map(ChatSettings.Setting::language),
                meters);
    }

    /**
     * Listening's staff chat ({@code socialbank.listening.staff-chat.*}) when it is on this network:
     * only the bank's staff read it, so spike alerts (counts, severities) reach it unlocked. Read
     * by its property names, not its type: listening depends on channels, not the other way round.
     */
    static Set<String> staffChats(Environment environment, Network network) {
        String on = environment.getProperty("socialbank.listening.staff-chat.network", "");
        String chatId = environment.getProperty("socialbank.listening.staff-chat.chat-id", "");
        return on.strip().toLowerCase(Locale.ROOT).equals(network.wireName()) && !chatId.isBlank()
                ? Set.of(chatId.strip())
                : Set.of();
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
