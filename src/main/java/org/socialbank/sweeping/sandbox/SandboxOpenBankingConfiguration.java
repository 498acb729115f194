package org.socialbank.sweeping.sandbox;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.SandboxInUse;
import org.socialbank.sweeping.OpenBanking;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The sandbox as the fallback {@link OpenBanking} provider, an auto-configuration so that a real one wins. */
@AutoConfiguration
@ConditionalOnMissingBean(OpenBanking.class)
class SandboxOpenBankingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxOpenBankingConfiguration.class);

    @Bean
    SandboxOpenBanking sandboxOpenBanking(DemoMode demo, Clock clock) {
        if (!demo.enabled()) {
            log.warn(
                    "No open-banking provider is configured: pulls from other banks go to the sandbox and move no money");
        }
        return new SandboxOpenBanking(clock);
    }

    /** Outside demo mode the start is refused while this exists, unless sandboxes are allowed. */
    @Bean
    static SandboxInUse openBankingSandboxInUse() {
        return new SandboxInUse(
                OpenBanking.class, "pulls from other banks are credited by the sandbox and move no money");
    }
}
