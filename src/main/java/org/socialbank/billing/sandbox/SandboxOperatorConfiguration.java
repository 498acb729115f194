package org.socialbank.billing.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.billing.MobileOperator;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.SandboxInUse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The sandbox as the fallback {@link MobileOperator}, an auto-configuration like {@link SandboxBillerConfiguration}. */
@AutoConfiguration
@ConditionalOnMissingBean(MobileOperator.class)
class SandboxOperatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxOperatorConfiguration.class);

    @Bean
    SandboxOperator sandboxOperator(DemoMode demo) {
        if (!demo.enabled()) {
            log.warn("No top-up gateway is configured: top-ups go to the sandbox and no phone is charged");
        }
        return new SandboxOperator();
    }

    /** Outside demo mode the start is refused while this exists, unless sandboxes are allowed. */
    @Bean
    static SandboxInUse mobileOperatorSandboxInUse() {
        return new SandboxInUse(MobileOperator.class, "top-ups go to the sandbox and no phone is charged");
    }
}
