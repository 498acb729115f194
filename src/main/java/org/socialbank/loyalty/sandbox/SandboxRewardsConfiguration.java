package org.socialbank.loyalty.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.loyalty.Rewards;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.SandboxInUse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The sandbox as the fallback rewards partner: an auto-configuration (listed in {@code
 * META-INF/spring/...AutoConfiguration.imports}, not component-scanned) so that {@link
 * ConditionalOnMissingBean} sees every {@link Rewards} the application defines.
 */
@AutoConfiguration
@ConditionalOnMissingBean(Rewards.class)
class SandboxRewardsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxRewardsConfiguration.class);

    @Bean
    SandboxRewards sandboxRewards(DemoMode demo) {
        if (!demo.enabled()) {
            log.warn("No rewards partner is configured (an org.socialbank.loyalty.Rewards bean): points buy the "
                    + "sandbox's vouchers, which no partner honours");
        }
        return new SandboxRewards();
    }

    /** Outside demo mode the start is refused while this exists, unless sandboxes are allowed. */
    @Bean
    static SandboxInUse rewardsSandboxInUse() {
        return new SandboxInUse(Rewards.class, "points buy the sandbox's vouchers, which no partner honours");
    }
}
