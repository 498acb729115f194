package org.socialbank.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The contract's property names, from a properties file, the command line or environment variables. */
class TelegramPropertiesUnitTests {

    private static TelegramProperties bind(org.springframework.core.env.PropertySource<?> source) {
        StandardEnvironment environment = new StandardEnvironment();
        if (source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources().replace(source.getName(), source);
        } else {
            environment.getPropertySources().addFirst(source);
        }
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("socialbank.channels", TelegramProperties.class);
    }

    @Test
    void environmentVariablesNameBotsAndTheirSettings() {
        TelegramProperties p = bind(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(
                        "SOCIALBANK_CHANNELS_TELEGRAM_BOTS_MAIN_TOKEN", "123456:ABCdef",
                        "SOCIALBANK_CHANNELS_TELEGRAM_BOTS_MAIN_SECRETTOKEN", "s3cret-s3cret-s3cret",
                        "SOCIALBANK_CHANNELS_BALE_BOTS_IR_TOKEN", "987654:xyz-abc",
                        "SOCIALBANK_CHANNELS_BALE_BOTS_IR_SECRETTOKEN", "another-secret-token")));
        TelegramProperties.Bot main = p.telegram().bots().get("main");
        assertThat(main.token()).isEqualTo("123456:ABCdef");
        assertThat(main.secretToken()).isEqualTo("s3cret-s3cret-s3cret");
        assertThat(main.apiBaseUrl()).isEqualTo("https://api.telegram.org");
        assertThat(main.mode()).isEqualTo("webhook");
        assertThat(main.messagesPerSecond()).isEqualTo(30);
        assertThat(p.bale().bots().get("ir").apiBaseUrl()).isEqualTo("https://tapi.bale.ai");
        assertThat(main.toString()).doesNotContain("ABCdef");
    }

    @Test
    void commandLinePropertiesToo() {
        TelegramProperties p = bind(new MapPropertySource(
                "args",
                Map.of(
                        "socialbank.channels.telegram.bots.dev.token", "123456:ABCdef",
                        "socialbank.channels.telegram.bots.dev.mode", "polling",
                        "socialbank.channels.telegram.bots.dev.api-base-url", "http://127.0.0.1:8081/")));
        assertThat(p.telegram().bots().get("dev").polling()).isTrue();
        assertThat(p.telegram().bots().get("dev").apiBaseUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(p.bale().bots()).isEmpty();
    }

    @Test
    void badSettingsStopTheStartWithTheirName() {
        assertThatThrownBy(() -> bind(new MapPropertySource(
                        "args", Map.of("socialbank.channels.telegram.bots.main.token", "123456:ABCdef"))))
                .hasStackTraceContaining("socialbank.channels.telegram.bots.main.secret-token is required");
        assertThatThrownBy(() -> bind(new MapPropertySource(
                        "args",
                        Map.of(
                                "socialbank.channels.bale.bots.main.token", "123456:ABCdef",
                                "socialbank.channels.bale.bots.main.secret-token", "s3cret-s3cret-s3cret",
                                "socialbank.channels.bale.bots.main.webhook-url",
                                        "http://bank.example/webhooks/bale/main"))))
                .hasStackTraceContaining("webhook-url must be an https URL");
        assertThatThrownBy(() -> bind(
                        new MapPropertySource("args", Map.of("socialbank.channels.telegram.bots.main.mode", "push"))))
                .hasStackTraceContaining("socialbank.channels.telegram.bots.main");
    }
}
