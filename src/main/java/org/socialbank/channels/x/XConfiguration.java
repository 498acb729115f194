package org.socialbank.channels.x;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.socialbank.conversation.ChatSettings;
import org.socialbank.conversation.Conversations;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Language;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
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

    static final String CHOICE_HINT = "x.choices.hint";

    private static final String CHOICE_HINT_EN = "Reply with the number of your choice.";

    @Bean
    XStore xStore(JdbcClient jdbc) {
        return new XStore(jdbc);
    }

    @Bean
    XChoices xChoices(JdbcClient jdbc, Clock clock, XProperties properties) {
        return new XChoices(jdbc, clock, properties.choiceTtl());
    }

    @Bean
    XInbox xInbox(
            XProperties properties,
            XStore store,
            XChoices choices,
            Conversations conversations,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        return new XInbox(properties, store, choices, conversations::receive, clock, events::publishEvent);
    }

    @Bean
    XJanitor xJanitor(XStore store, XChoices choices, Clock clock) {
        return new XJanitor(store, choices, clock);
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
        XSender xSender(
                XApi api,
                ChannelIdentities identities,
                XProperties properties,
                Clock clock,
                XChoices choices,
                ChatSettings settings,
                MessageSource messages) {
            return new XSender(
                    api, identities, properties.publicTextMax(), clock, choices, choiceStyles(settings, messages));
        }

        @Bean
        XHandleHolders xHandleHolders(XApi api) {
            return new XHandleHolders(api);
        }
    }

    /**
     * How numbered choices are written in the chat's language (its customer's, else its own), else
     * English: the line under them and the digits of their numbers.
     */
    static Function<IdentityId, XReplies.ChoiceStyle> choiceStyles(ChatSettings settings, MessageSource messages) {
        return identity -> {
            Language language;
            try {
                language = settings.of(identity)
                        .map(ChatSettings.Setting::language)
                        .orElse(Language.EN);
            } catch (RuntimeException e) {
                language = Language.EN; // the hint is no reason to hold a confirmation back
            }
            return new XReplies.ChoiceStyle(
                    messages.getMessage(CHOICE_HINT, null, CHOICE_HINT_EN, language.locale()), language.locale());
        };
    }
}
