package org.socialbank.console.listening;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.socialbank.channels.telegram.FakeTelegramApi;
import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DisplayName("social care in the console on PostgreSQL (review 2026-12-07 PostgreSQL follow-up)")
class PostgresListeningCasesIntegrationTests extends ListeningCasesContract {

    static final FakeTelegramApi TELEGRAM = new FakeTelegramApi();
    static final TweetsFake X = new TweetsFake();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
        settings(registry, TELEGRAM, X);
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
        X.close();
    }

    @Override
    FakeTelegramApi telegram() {
        return TELEGRAM;
    }

    @Override
    TweetsFake x() {
        return X;
    }
}
