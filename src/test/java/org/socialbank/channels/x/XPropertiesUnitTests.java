package org.socialbank.channels.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The contract's property names, defaults, and the refusals that stop the start. */
class XPropertiesUnitTests {

    static XProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("socialbank.channels.x", XProperties.class);
    }

    static Map<String, String> on(String... more) {
        java.util.Map<String, String> values = new java.util.HashMap<>(Map.of(
                "socialbank.channels.x.consumer-secret",
                "secret",
                "socialbank.channels.x.user-id",
                "15",
                "socialbank.channels.x.screen-name",
                "SocialBank",
                "socialbank.channels.x.bearer-token",
                "bearer"));
        for (int i = 0; i < more.length; i += 2) {
            values.put("socialbank.channels.x." + more[i], more[i + 1]);
        }
        return values;
    }

    @Test
    void offByDefaultWithXsApi() {
        XProperties off = bind(Map.of());
        assertThat(off.enabled()).isFalse();
        assertThat(off.apiBaseUrl().toString()).isEqualTo("https://api.x.com");
        assertThat(off.publicTextMax()).isEqualTo(200);
        assertThat(off.blockedUserIds()).isEmpty();
        assertThat(off.choiceTtl()).isEqualTo(java.time.Duration.ofMinutes(15));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("review 2026-12-07 channels follow-up: choice-ttl is bound and bounded")
    void choiceTtlIsBoundAndBounded() {
        assertThat(bind(on("choice-ttl", "5m")).choiceTtl()).isEqualTo(java.time.Duration.ofMinutes(5));
        for (String bad : new String[] {"30s", "2d", "0s"}) {
            assertThatThrownBy(() -> bind(on("choice-ttl", bad)))
                    .as(bad)
                    .rootCause()
                    .hasMessageContaining("socialbank.channels.x.choice-ttl");
        }
    }

    @Test
    void onWithTheContractsNames() {
        XProperties x = bind(on("api-base-url", "http://127.0.0.1:9", "blocked-user-ids", "1,2"));
        assertThat(x.enabled()).isTrue();
        assertThat(x.oauth1()).isFalse();
        assertThat(x.blocked()).containsExactlyInAnyOrder("1", "2");
        assertThat(bind(on("consumer-key", "k", "access-token", "t", "access-token-secret", "s"))
                        .oauth1())
                .isTrue();
        assertThat(x.toString()).doesNotContain("secret", "bearer");
    }

    @Test
    void badValuesStopTheStartNamingTheProperty() {
        assertThatThrownBy(() -> bind(on("user-id", "")))
                .rootCause()
                .hasMessageContaining("socialbank.channels.x.user-id");
        assertThatThrownBy(() -> bind(on("screen-name", "@bank")))
                .rootCause()
                .hasMessageContaining("socialbank.channels.x.screen-name");
        assertThatThrownBy(() -> bind(on("bearer-token", ""))).rootCause().hasMessageContaining("credentials");
        assertThatThrownBy(() -> bind(on("public-text-max", "500")))
                .rootCause()
                .hasMessageContaining("public-text-max");
        assertThatThrownBy(() -> bind(on("blocked-user-ids", "alice")))
                .rootCause()
                .hasMessageContaining("blocked-user-ids");
        assertThatThrownBy(() -> bind(on("api-base-url", "ftp://x")))
                .rootCause()
                .hasMessageContaining("api-base-url");
    }
}
