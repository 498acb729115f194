package org.socialbank.billing.sandbox;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.billing.AccountBiller;
import org.socialbank.billing.BillerRegistry;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.SandboxInUse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The sandbox as the fallback {@link AccountBiller} (the demo bank's, issue 15 s1.9): an
 * auto-configuration, so that {@link ConditionalOnMissingBean} sees the HTTP switch that
 * {@code socialbank.billing.account-biller.url} makes.
 */
@AutoConfiguration
@ConditionalOnMissingBean(AccountBiller.class)
class SandboxAccountBillerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxAccountBillerConfiguration.class);

    @Bean
    SandboxAccountBiller sandboxAccountBiller(Clock clock, BillerRegistry registry, DemoMode demo) {
        if (!demo.enabled()) {
            log.warn("No account biller is configured (socialbank.billing.account-biller.url): account-number bills "
                    + "are paid to the sandbox and no money leaves the bank");
        }
        return new SandboxAccountBiller(clock, registry);
    }

    /** Outside demo mode the start is refused while this exists, unless sandboxes are allowed. */
    @Bean
    static SandboxInUse accountBillerSandboxInUse() {
        return new SandboxInUse(
                AccountBiller.class, "account-number bills are paid to the sandbox and no money leaves the bank");
    }
}
