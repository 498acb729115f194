package org.socialbank.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The SMS provider replaced by a {@link FakeSms} a test reads codes from: {@code @Import(SmsFakes.class)}
 * and autowire {@code FakeSms}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SmsFakes {

    @Bean
    FakeSms fakeSms() {
        return new FakeSms();
    }
}
