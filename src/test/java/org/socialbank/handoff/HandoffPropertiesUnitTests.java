package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The handoff settings' bounds, checked when they are bound at start, without Spring. */
class HandoffPropertiesUnitTests {

    @Test
    @DisplayName("the customer-lines cap is a setting, 5000 unless set, 100..1000000 checked at start, never clamped "
            + "(review 2026-12-07 handoff follow-up)")
    void theCustomerLinesCapIsABoundedSetting() {
        assertThat(bind(Map.of()).customerLinesCap()).isEqualTo(5_000);
        assertThat(bind(Map.of("socialbank.handoff.customer-lines-cap", "100")).customerLinesCap())
                .isEqualTo(HandoffProperties.CUSTOMER_LINES_CAP_MIN);
        assertThat(bind(Map.of("socialbank.handoff.customer-lines-cap", "1000000"))
                        .customerLinesCap())
                .isEqualTo(1_000_000);
        for (String bad : new String[] {"99", "0", "-1", "1000001"}) {
            assertThatThrownBy(() -> bind(Map.of("socialbank.handoff.customer-lines-cap", bad)))
                    .as(bad)
                    .hasStackTraceContaining("socialbank.handoff: customer-lines-cap must be 100..1000000");
        }
    }

    private static HandoffProperties bind(Map<String, String> source) {
        return new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate("socialbank.handoff", HandoffProperties.class);
    }
}
