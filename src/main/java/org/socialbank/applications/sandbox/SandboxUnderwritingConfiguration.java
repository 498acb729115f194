package org.socialbank.applications.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.applications.ApplicationsProperties;
import org.socialbank.applications.Underwriting;
import org.socialbank.shared.DemoMode;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The sandbox rule set as the fallback {@link Underwriting}: an auto-configuration (listed in
 * {@code META-INF/spring/...AutoConfiguration.imports}, not component-scanned) so that {@link
 * ConditionalOnMissingBean} sees every underwriting the application defines. Outside demo mode
 * its verdicts wait for staff unless {@code socialbank.applications.auto-decide} is set.
 */
@AutoConfiguration
@ConditionalOnMissingBean(Underwriting.class)
class SandboxUnderwritingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxUnderwritingConfiguration.class);

    @Bean
    SandboxUnderwriting sandboxUnderwriting(ApplicationsProperties properties, DemoMode demo) {
        if (!demo.enabled()) {
            log.warn(
                    Boolean.TRUE.equals(properties.autoDecide())
                            ? "No underwriting is configured (an org.socialbank.applications.Underwriting bean): the sandbox "
                                    + "rule set decides applications and loans it approves are paid out "
                                    + "(socialbank.applications.auto-decide=true)"
                            : "No underwriting is configured (an org.socialbank.applications.Underwriting bean): the sandbox "
                                    + "rule set's verdicts are only recorded and staff decide every application");
        }
        return new SandboxUnderwriting();
    }
}
