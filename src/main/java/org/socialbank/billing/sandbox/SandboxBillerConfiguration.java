package org.socialbank.billing.sandbox;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.billing.Biller;
import org.socialbank.billing.BillingProperties;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.SandboxInUse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The sandbox as the fallback {@link Biller}: an auto-configuration (listed in {@code
 * META-INF/spring/...AutoConfiguration.imports}, not component-scanned) so that {@link
 * ConditionalOnMissingBean} sees every biller the application defines.
 */
@AutoConfiguration
@ConditionalOnMissingBean(Biller.class)
class SandboxBillerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxBillerConfiguration.class);

    @Bean
    SandboxBiller sandboxBiller(Clock clock, BillingProperties properties, DemoMode demo) {
        if (!demo.enabled()) {
            log.warn("No biller is configured: bills are paid to the sandbox biller and no money leaves the bank");
        }
        return new SandboxBiller(clock, properties.sandbox().refuseBills());
    }

    /** Outside demo mode the start is refused while this exists, unless sandboxes are allowed. */
    @Bean
    static SandboxInUse billerSandboxInUse() {
        return new SandboxInUse(Biller.class, "bills are paid to the sandbox biller and no money leaves the bank");
    }
}
