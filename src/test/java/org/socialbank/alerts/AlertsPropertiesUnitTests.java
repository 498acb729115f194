package org.socialbank.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The alert settings as bound at start from the environment. */
class AlertsPropertiesUnitTests {

    @Test
    @DisplayName("setting one currency's SMS minimum keeps the shipped ones (review 2026-12-07 docs follow-up)")
    void oneConfiguredCurrencyKeepsTheShippedOnes() {
        Map<String, String> source = Map.of(
                "socialbank.alerts.sms-min-amount-minor.EUR", "5000",
                "socialbank.alerts.sms-min-amount-minor.INR", "100000");

        AlertsProperties properties = new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate("socialbank.alerts", AlertsProperties.class);

        assertThat(properties.smsMinAmountMinor())
                .containsEntry("EUR", 5_000L)
                .containsEntry("INR", 100_000L)
                .containsEntry("RUB", 1_000_000L)
                .containsEntry("CNY", 100_000L)
                .hasSize(AlertsProperties.SMS_MIN_AMOUNT_DEFAULTS.size() + 1);
    }
}
