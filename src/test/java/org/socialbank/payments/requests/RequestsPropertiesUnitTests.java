package org.socialbank.payments.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The requests' settings: their defaults, and a bad value stops the start with a message naming it. */
class RequestsPropertiesUnitTests {

    @Test
    void defaults() {
        RequestsProperties p = bind(Map.of());
        assertThat(p.ttl()).isEqualTo(Duration.ofDays(7));
        assertThat(p.reminderInterval()).isEqualTo(Duration.ofHours(24));
        assertThat(p.collectionIban()).isEqualTo("DE89370400440532013000");
        assertThat(bind(Map.of("socialbank.payments.requests.collection-iban", "fr76 3000 6000 0112 3456 7890 189"))
                        .collectionIban())
                .isEqualTo("FR7630006000011234567890189");
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "a collection IBAN with check digits 01, which MOD 97 passes and an earlier version "
                    + "accepted, still starts (reread 2026-12-08 payouts)")
    void aCollectionIbanWithCheckDigitsOneStillStarts() {
        assertThat(bind(Map.of("socialbank.payments.requests.collection-iban", "DE01 3704 0044 0532 0130 32"))
                        .collectionIban())
                .isEqualTo("DE01370400440532013032");
        assertThat(org.socialbank.payouts.Iban.check("DE01370400440532013032"))
                .as("typed, the same IBAN is refused")
                .isNotEmpty();
    }

    @Test
    void badValuesStopTheStart() {
        for (Map.Entry<String, String> bad : Map.of(
                        "ttl",
                        "0s",
                        "reminder-interval",
                        "31d",
                        "expiry-batch-max",
                        "0",
                        "pay-attempts-max",
                        "101",
                        "collection-iban",
                        "DE89370400440532013001",
                        "collection-name",
                        " ")
                .entrySet()) {
            assertThatThrownBy(() -> bind(Map.of("socialbank.payments.requests." + bad.getKey(), bad.getValue())))
                    .isInstanceOf(BindException.class)
                    .rootCause()
                    .hasMessageContaining("socialbank.payments.requests." + bad.getKey());
        }
    }

    private static RequestsProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("socialbank.payments.requests", RequestsProperties.class);
    }
}
