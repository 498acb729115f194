package org.socialbank.console.listening;

import org.junit.jupiter.api.AfterAll;
import org.socialbank.channels.telegram.FakeTelegramApi;
import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2ListeningCasesIntegrationTests extends ListeningCasesContract {

    static final FakeTelegramApi TELEGRAM = new FakeTelegramApi();
    static final TweetsFake X = new TweetsFake();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
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
