package org.socialbank.billing.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.billing.CardSwitch;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.SandboxInUse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The sandbox as the fallback {@link CardSwitch}, an auto-configuration like {@link SandboxBillerConfiguration}. */
@AutoConfiguration
@ConditionalOnMissingBean(CardSwitch.class)
class SandboxCardSwitchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxCardSwitchConfiguration.class);

    @Bean
    SandboxCardSwitch sandboxCardSwitch(DemoMode demo) {
        if (!demo.enabled()) {
            log.warn("No card switch is configured: card-to-card transfers go to the sandbox and no card is credited");
        }
        return new SandboxCardSwitch();
    }

    /** Outside demo mode the start is refused while this exists, unless sandboxes are allowed. */
    @Bean
    static SandboxInUse cardSwitchSandboxInUse() {
        return new SandboxInUse(CardSwitch.class, "card-to-card transfers go to the sandbox and no card is credited");
    }
}
