package org.socialbank.notifications.dev;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.notifications.EmailGateway;
import org.socialbank.notifications.NotificationsProperties;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.SandboxInUse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The developer inbox as the fallback {@link EmailGateway}; an auto-configuration for the same
 * reason as {@link DevSmsInboxConfiguration}: only then does {@link ConditionalOnMissingBean} see
 * every gateway the application defines.
 */
@AutoConfiguration
@ConditionalOnMissingBean(EmailGateway.class)
class DevEmailInboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevEmailInboxConfiguration.class);

    @Bean
    DevEmailInbox devEmailInbox(JdbcClient jdbc, Clock clock, NotificationsProperties properties, DemoMode demo) {
        if (!demo.enabled()) {
            log.warn("No e-mail gateway is configured: e-mails are kept in the table dev_email_inbox "
                    + "and not sent to anyone");
        }
        return new DevEmailInbox(jdbc, clock, properties.devInboxMax());
    }

    /** Outside demo mode the start is refused while this exists, unless sandboxes are allowed. */
    @Bean
    static SandboxInUse emailGatewaySandboxInUse() {
        return new SandboxInUse(EmailGateway.class, "e-mails are kept in the table dev_email_inbox and sent to no one");
    }
}
