package org.socialbank.payouts.sandbox;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.payouts.InterbankRail;
import org.socialbank.payouts.PayoutsProperties;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.SandboxInUse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The sandbox as the fallback {@link InterbankRail}: an auto-configuration (listed in {@code
 * META-INF/spring/...AutoConfiguration.imports}, not component-scanned) so that {@link
 * ConditionalOnMissingBean} sees every rail the application defines.
 */
@AutoConfiguration
@ConditionalOnMissingBean(InterbankRail.class)
class SandboxRailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxRailConfiguration.class);

    @Bean
    SandboxRail sandboxRail(Clock clock, PayoutsProperties properties, DemoMode demo) {
        if (!demo.enabled()) {
            log.warn("No interbank rail is configured: payouts go to the sandbox rail and no money leaves the bank");
        }
        PayoutsProperties.Sandbox sandbox = properties.sandbox();
        return new SandboxRail(clock, sandbox.settleAfter(), sandbox.failAccounts());
    }

    /** Outside demo mode the start is refused while this exists, unless sandboxes are allowed. */
    @Bean
    static SandboxInUse interbankRailSandboxInUse() {
        return new SandboxInUse(InterbankRail.class, "payouts settle at the sandbox rail and no money leaves the bank");
    }
}
