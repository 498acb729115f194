package org.socialbank.applications.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.applications.ApplicationsProperties;
import org.socialbank.applications.Underwriting;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.SandboxInUse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The sandbox rule set as the fallback {@link Underwriting}: an auto-configuration (listed in
 * {@code META-INF/spring/...AutoConfiguration.imports}, not component-scanned) so that {@link
 * ConditionalOnMissingBean} sees every underwriting the application defines. Outside demo mode
 * its verdicts wait for staff unless {@code socialbank.applications.auto-decide} is set, and with
 * it set the start is refused unless sandboxes are allowed (its rules read only the declared income).
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

    /**
     * Outside demo mode the start is refused while this exists, unless sandboxes are allowed: only
     * when the sandbox would decide on its own ({@code auto-decide=true}); without it the sandbox's
     * verdicts are recorded and staff decide every application, a bank's manual underwriting.
     */
    @Bean
    @ConditionalOnProperty(prefix = "socialbank.applications", name = "auto-decide", havingValue = "true")
    static SandboxInUse underwritingSandboxInUse() {
        return new SandboxInUse(
                Underwriting.class,
                "applications are assessed by rules that read only the declared income, and with "
                        + "socialbank.applications.auto-decide=true the loans they approve are paid out");
    }
}
