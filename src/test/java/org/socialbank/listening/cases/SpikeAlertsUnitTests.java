package org.socialbank.listening.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.listening.ListeningProperties;
import org.socialbank.listening.MentionId;
import org.socialbank.listening.Spike;
import org.socialbank.listening.Topic;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The staff chat's alert text (review of spike alerts, which forwarded a stranger's post verbatim):
 * a card number or a PIN in the example is masked before it reaches the chat.
 */
class SpikeAlertsUnitTests {

    final SpikeAlerts alerts = new SpikeAlerts(
            null,
            null,
            null,
            null,
            messages(),
            Clock.systemUTC(),
            new ListeningProperties(100, Duration.ofHours(1), 24, 3, 5, 50_000, null, "rolling"),
            null,
            new StaffChatProperties("telegram", "-1001234567890", "en"),
            null);

    @Test
    void anExampleWithACardNumberAndAPinIsMaskedInTheStaffChat() {
        String text =
                alerts.chatText(alert("Card blocked again! My card 4111 1111 1111 1111 and my PIN is 1234, help"));
        assertThat(text)
                .startsWith("Spike alert: card blocked")
                .contains("My card •••• •••• •••• 1111 and my PIN is ••••, help")
                .doesNotContain("4111 1111 1111 1111")
                .doesNotContain("1234");
    }

    @Test
    void aCardNumberCutAtTheExamplesLimitShowsNoneOfItsDigits() {
        String padding = "x".repeat(SpikeAlerts.EXAMPLE_CHARS_MAX - 10);
        String text = alerts.chatText(alert(padding + " 4111 1111 1111 1111"));
        assertThat(text).contains(padding + " •••• ••••…").doesNotContain("4111");
    }

    private static SpikeAlert alert(String example) {
        Instant now = Instant.parse("2026-05-04T10:00:00Z");
        return new SpikeAlert(
                UUID.randomUUID(),
                Topic.CARD_BLOCKED,
                Spike.Kind.VOLUME,
                now.minus(Duration.ofHours(1)),
                now,
                8,
                1.5,
                6,
                List.of("blocked"),
                List.of(new SpikeAlert.Example(new MentionId(UUID.randomUUID()), "x", example)),
                now,
                null,
                null);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
