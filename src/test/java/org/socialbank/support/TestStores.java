package org.socialbank.support;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test context at a fresh store: an H2 file database or a PostgreSQL database. */
public final class TestStores {

    private TestStores() {}

    public static void h2(DynamicPropertyRegistry registry) {
        Path dir = Path.of("target", "test-data", "h2-" + UUID.randomUUID()).toAbsolutePath();
        registry.add("spring.datasource.url", () -> h2Url(dir));
        common(registry);
    }

    public static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("socialbank") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    public static void postgres(DynamicPropertyRegistry registry) {
        String url = PostgresDatabases.create();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", PostgresDatabases::user);
        registry.add("spring.datasource.password", () -> "");
        common(registry);
    }

    /**
     * For a test that waits for points the loyalty journal follower earns: it reads the journal
     * every 200 ms instead of every 5 s, rows 300 ms old instead of 2 s (the same rounds, sooner).
     */
    public static void loyaltyFollowerQuick(DynamicPropertyRegistry registry) {
        registry.add("socialbank.loyalty.follow-interval", () -> "200ms");
        registry.add("socialbank.loyalty.settle", () -> "300ms");
    }

    private static void common(DynamicPropertyRegistry registry) {
        registry.add("socialbank.api.tokens", () -> Api.TOKEN);
        registry.add("socialbank.demo.enabled", () -> "false");
        // many test contexts stay cached at once: each keeps few connections open, so that
        // together they stay under PostgreSQL's max_connections (100 by default)
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    }
}
