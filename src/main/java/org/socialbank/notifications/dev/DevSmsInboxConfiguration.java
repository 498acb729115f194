package org.socialbank.notifications.dev;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.notifications.BudgetedSms;
import org.socialbank.notifications.NotificationsProperties;
import org.socialbank.notifications.SmsGateway;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.SandboxInUse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The developer inbox as the fallback {@link SmsGateway}. It is an auto-configuration (listed in
 * {@code META-INF/spring/...AutoConfiguration.imports}, hence not component-scanned) because only
 * then does {@link ConditionalOnMissingBean} see every gateway the application defines, whether
 * as a component or as a {@code @Bean} of any configuration.
 */
@AutoConfiguration
@ConditionalOnMissingBean(
        value = SmsGateway.class,
        ignored = BudgetedSms.class) // the budgets sit in front of any gateway
class DevSmsInboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevSmsInboxConfiguration.class);

    @Bean
    DevSmsInbox devSmsInbox(JdbcClient jdbc, Clock clock, NotificationsProperties properties, DemoMode demo) {
        if (!demo.enabled()) {
            log.warn("No SMS gateway is configured: text messages are kept in the table dev_sms_inbox "
                    + "and not sent to anyone");
        }
        return new DevSmsInbox(jdbc, clock, properties.devInboxMax(), properties.devInboxReportsLater());
    }

    /** Outside demo mode the start is refused while this exists, unless sandboxes are allowed. */
    @Bean
    static SandboxInUse smsGatewaySandboxInUse() {
        return new SandboxInUse(
                SmsGateway.class,
                "text messages, one-time codes among them, are kept in the table dev_sms_inbox and sent to no one");
    }
}
