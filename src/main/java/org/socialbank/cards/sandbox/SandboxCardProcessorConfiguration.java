package org.socialbank.cards.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.cards.CardProcessor;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.SandboxInUse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The sandbox as the fallback card processor: an auto-configuration (listed in {@code
 * META-INF/spring/...AutoConfiguration.imports}, not component-scanned) so that {@link
 * ConditionalOnMissingBean} sees every {@link CardProcessor} the application defines.
 */
@AutoConfiguration
@ConditionalOnMissingBean(CardProcessor.class)
class SandboxCardProcessorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxCardProcessorConfiguration.class);

    @Bean
    SandboxCardProcessor sandboxCardProcessor(DemoMode demo) {
        if (!demo.enabled()) {
            log.warn("No card processor is configured (an org.socialbank.cards.CardProcessor bean): the feed is the "
                    + "sandbox's and no real card purchase is booked");
        }
        return new SandboxCardProcessor();
    }

    /** Outside demo mode the start is refused while this exists, unless sandboxes are allowed. */
    @Bean
    static SandboxInUse cardProcessorSandboxInUse() {
        return new SandboxInUse(
                CardProcessor.class, "the card feed is the sandbox's and no real card purchase is booked");
    }
}
