package org.socialbank.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Alias lookups are an enumeration vector: past its allowance a caller gets 429 with Retry-After. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"socialbank.directory.lookups-per-minute=5", "socialbank.api.token=other-token-0123456789abcdef"})
class LookupRateIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Test
    void answers429OnceACallerExceedsTheLookupRate() {
        Api api = new Api(port);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/v1/aliases/tag/$walker" + i).status()).isEqualTo(200);
        }
        Response limited = api.get("/api/v1/aliases/tag/$walker9");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("too_many_lookups");
        assertThat(limited.contentType()).startsWith("application/problem+json");
        Api bare = new Api("http://127.0.0.1:" + port, null);
        Response respelled = bare.send(bare.request("/api/v1/aliases/tag/$walker9")
                .header("Authorization", "bearer   " + Api.TOKEN)
                .GET()
                .build());
        assertThat(respelled.status())
                .as("the same token spelled otherwise is the same caller")
                .isEqualTo(429);
        Response other =
                new Api("http://127.0.0.1:" + port, "other-token-0123456789abcdef").get("/api/v1/aliases/tag/$walker9");
        assertThat(other.status()).as("another caller has its own allowance").isEqualTo(200);
    }
}
