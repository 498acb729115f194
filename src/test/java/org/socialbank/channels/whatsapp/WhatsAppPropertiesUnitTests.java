package org.socialbank.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatsAppPropertiesUnitTests {

    static WhatsAppProperties of(
            String secret,
            String verify,
            String token,
            String number,
            Map<String, WhatsAppProperties.Template> templates) {
        return new WhatsAppProperties(
                secret,
                verify,
                token,
                number,
                URI.create("https://graph.facebook.com"),
                "v23.0",
                Duration.ofSeconds(10),
                80,
                Duration.ofSeconds(30),
                Duration.ofSeconds(6),
                Duration.ofMinutes(1),
                Duration.ofMinutes(10),
                templates);
    }

    @Test
    void emptyIsOff() {
        WhatsAppProperties off = of("", "", "", "", null);
        assertThat(off.enabled()).isFalse();
        assertThat(off.templates()).isEmpty();
    }

    @Test
    void onNeedsAllFourAndTheUriIsVersionedByPhoneNumberId() {
        WhatsAppProperties on = of("app-secret-1", "verify-token-1", "EAAGtoken123", "106540352242922", null);
        assertThat(on.enabled()).isTrue();
        assertThat(on.messagesUri()).hasToString("https://graph.facebook.com/v23.0/106540352242922/messages");
        assertThat(on.toString()).doesNotContain("app-secret-1", "EAAGtoken123", "verify-token-1");
        assertThatThrownBy(() -> of("app-secret-1", "", "EAAGtoken123", "106540352242922", null))
                .hasMessageContaining("socialbank.channels.whatsapp.verify-token");
        assertThatThrownBy(() -> of("", "verify-token-1", "", "", null))
                .hasMessageContaining("socialbank.channels.whatsapp.app-secret");
        assertThatThrownBy(() -> of("app-secret-1", "verify-token-1", "EAAGtoken123", "+15550783881", null))
                .hasMessageContaining("phone-number-id");
    }

    @Test
    void onlyUtilityTemplatesForKnownUsesWithKnownParameters() {
        assertThat(of(
                                "",
                                "",
                                "",
                                "",
                                Map.of(
                                        "alert",
                                        new WhatsAppProperties.Template("account_alert", "en", null, null, null)))
                        .templates()
                        .get("alert"))
                .isEqualTo(
                        new WhatsAppProperties.Template("account_alert", "en", "UTILITY", List.of("title"), Map.of()));
        assertThatThrownBy(() -> of(
                        "",
                        "",
                        "",
                        "",
                        Map.of(
                                "alert",
                                new WhatsAppProperties.Template(
                                        "otp_code", "en", "AUTHENTICATION", List.of("title"), null))))
                .hasMessageContaining("UTILITY");
        assertThat(of(
                                "",
                                "",
                                "",
                                "",
                                Map.of("marketing", new WhatsAppProperties.Template("offers", "en", null, null, null)))
                        .templates()
                        .get("marketing")
                        .category())
                .as("issue 17, 3.13: a campaign's template is a MARKETING one")
                .isEqualTo("MARKETING");
        assertThatThrownBy(() -> of(
                        "",
                        "",
                        "",
                        "",
                        Map.of(
                                "marketing",
                                new WhatsAppProperties.Template("offers", "en", "UTILITY", List.of("title"), null))))
                .as("a utility template never carries marketing")
                .hasMessageContaining("MARKETING");
        assertThatThrownBy(() -> of(
                        "",
                        "",
                        "",
                        "",
                        Map.of(
                                "alert",
                                new WhatsAppProperties.Template("offers", "en", "MARKETING", List.of("title"), null))))
                .as("an alert template is never a marketing one")
                .hasMessageContaining("UTILITY");
        assertThatThrownBy(() -> of(
                        "",
                        "",
                        "",
                        "",
                        Map.of(
                                "promo",
                                new WhatsAppProperties.Template("promo", "en", "UTILITY", List.of("title"), null))))
                .hasMessageContaining("templates.promo");
        assertThatThrownBy(() -> of(
                        "",
                        "",
                        "",
                        "",
                        Map.of(
                                "alert",
                                new WhatsAppProperties.Template(
                                        "Account Alert", "en", "UTILITY", List.of("title"), null))))
                .hasMessageContaining(".name");
        assertThatThrownBy(() -> of(
                        "",
                        "",
                        "",
                        "",
                        Map.of(
                                "alert",
                                new WhatsAppProperties.Template(
                                        "account_alert", "en", "UTILITY", List.of("amount"), null))))
                .hasMessageContaining("amount");
    }

    @Test
    void aTemplateMayHaveAVersionPerCustomerLanguage() { // issue 17
        WhatsAppProperties.Template alert = of(
                        "",
                        "",
                        "",
                        "",
                        Map.of(
                                "alert",
                                new WhatsAppProperties.Template(
                                        "account_alert", "en", null, null, Map.of("fr", "fr", "zh", "zh_CN"))))
                .templates()
                .get("alert");
        assertThat(alert.languageFor("fr")).isEqualTo("fr");
        assertThat(alert.languageFor("zh")).isEqualTo("zh_CN");
        assertThat(alert.languageFor("ru"))
                .as("no Russian version: the default one")
                .isEqualTo("en");
        assertThat(alert.languageFor(null)).isEqualTo("en");
        assertThatThrownBy(() -> of(
                        "",
                        "",
                        "",
                        "",
                        Map.of(
                                "alert",
                                new WhatsAppProperties.Template(
                                        "account_alert", "en", null, null, Map.of("de", "de")))))
                .hasMessageContaining("languages.de");
        assertThatThrownBy(() -> of(
                        "",
                        "",
                        "",
                        "",
                        Map.of(
                                "alert",
                                new WhatsAppProperties.Template(
                                        "account_alert", "en", null, null, Map.of("fr", "French")))))
                .hasMessageContaining("languages.fr");
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> new WhatsAppProperties(
                        "",
                        "",
                        "",
                        "",
                        URI.create("ftp://x"),
                        "v23.0",
                        Duration.ofSeconds(10),
                        80,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(6),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(10),
                        null))
                .hasMessageContaining("api-base-url");
        assertThatThrownBy(() -> new WhatsAppProperties(
                        "",
                        "",
                        "",
                        "",
                        URI.create("https://graph.facebook.com"),
                        "23",
                        Duration.ofSeconds(10),
                        80,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(6),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(10),
                        null))
                .hasMessageContaining("api-version");
        assertThatThrownBy(() -> new WhatsAppProperties(
                        "",
                        "",
                        "",
                        "",
                        URI.create("https://graph.facebook.com"),
                        "v23.0",
                        Duration.ofSeconds(10),
                        0,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(6),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(10),
                        null))
                .hasMessageContaining("messages-per-second");
        assertThatThrownBy(() -> new WhatsAppProperties(
                        "",
                        "",
                        "",
                        "",
                        URI.create("https://graph.facebook.com"),
                        "v23.0",
                        Duration.ofSeconds(10),
                        80,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(6),
                        Duration.ofMinutes(1),
                        Duration.ofHours(7),
                        null))
                .hasMessageContaining("window-margin");
    }

    @Test
    void theBusinessNumberIsTheChatsAddressAndIsChecked() {
        WhatsAppProperties off = of("", "", "", "", null);
        assertThat(new WhatsAppChatAddress(off).of(org.socialbank.shared.Network.WHATSAPP))
                .as("issue 13: no number, no back-to-the-chat link")
                .isEmpty();
        WhatsAppProperties numbered = withLimits(
                " 33612345678 ",
                WhatsAppProperties.DEFAULT_WEBHOOK_MAX_BODY_BYTES,
                WhatsAppProperties.DEFAULT_MESSAGE_AGE_MAX);
        WhatsAppChatAddress address = new WhatsAppChatAddress(numbered);
        assertThat(address.of(org.socialbank.shared.Network.WHATSAPP)).contains("https://wa.me/33612345678");
        assertThat(address.of(org.socialbank.shared.Network.TELEGRAM)).isEmpty();
        assertThatThrownBy(() -> withLimits(
                        "+33 6 12",
                        WhatsAppProperties.DEFAULT_WEBHOOK_MAX_BODY_BYTES,
                        WhatsAppProperties.DEFAULT_MESSAGE_AGE_MAX))
                .hasMessageContaining("business-number");
    }

    static WhatsAppProperties withLimits(String businessNumber, long webhookMaxBodyBytes, Duration messageAgeMax) {
        return new WhatsAppProperties(
                "",
                "",
                "",
                "",
                URI.create("https://graph.facebook.com"),
                "v23.0",
                Duration.ofSeconds(10),
                80,
                Duration.ofSeconds(30),
                Duration.ofSeconds(6),
                Duration.ofMinutes(1),
                Duration.ofMinutes(10),
                null,
                businessNumber,
                webhookMaxBodyBytes,
                messageAgeMax);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the webhook's body limit and the age of a message answered are bounded"
            + " (review 2026-12-07 whatsapp follow-up)")
    void theWebhooksBodyLimitAndTheMessageAgeMaxAreChecked() {
        WhatsAppProperties defaults = of("", "", "", "", null);
        assertThat(defaults.webhookMaxBodyBytes())
                .as("Meta's payloads go up to 3 MB")
                .isEqualTo(3L * 1024 * 1024);
        assertThat(defaults.messageAgeMax()).as("Meta redelivers for 7 days").isEqualTo(Duration.ofDays(7));
        Duration age = Duration.ofDays(7);
        assertThat(withLimits("", 65_536, age).webhookMaxBodyBytes()).isEqualTo(65_536);
        assertThatThrownBy(() -> withLimits("", 65_535, age)).hasMessageContaining("webhook-max-body-bytes");
        assertThatThrownBy(() -> withLimits("", 16L * 1024 * 1024 + 1, age))
                .hasMessageContaining("webhook-max-body-bytes");
        assertThatThrownBy(() -> withLimits("", 65_536, Duration.ofMinutes(59)))
                .hasMessageContaining("message-age-max");
        assertThatThrownBy(() -> withLimits("", 65_536, Duration.ofDays(31))).hasMessageContaining("message-age-max");
    }
}
