package org.socialbank.notifications;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.DemoMode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationsProperties.class)
class NotificationsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationsConfiguration.class);

    @Bean
    SendBudgets sendBudgets(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            NotificationsProperties properties,
            DemoMode demo,
            Clock clock) {
        return new SendBudgets(
                jdbc, new TransactionTemplate(transactions), properties, budgetKeyPepper(properties, demo), clock);
    }

    /**
     * The configured pepper of the budget keys; in demo mode, when none is set, a fixed one that is
     * in this source code and so hides nothing, which is why a node outside demo mode refuses to start.
     */
    static byte[] budgetKeyPepper(NotificationsProperties properties, DemoMode demo) {
        if (properties.budgetKeyPepperBytes().isPresent()) {
            return properties.budgetKeyPepperBytes().get();
        }
        if (!demo.enabled()) {
            throw new IllegalStateException("No send-budget key pepper is configured: set "
                    + NotificationsProperties.PEPPER_NAMES + " to at least " + NotificationsProperties.PEPPER_BYTES_MIN
                    + " random bytes in base64 ('openssl rand -base64 32'); outside demo mode none is assumed");
        }
        log.warn("Demo mode: send budgets are keyed with a fixed development pepper; set "
                + NotificationsProperties.PEPPER_NAMES + " in production");
        return SendBudgets.DEVELOPMENT_PEPPER.clone();
    }

    /** Every sender gets the budgeted gateway; the provider's own gateway (or the developer inbox) sits behind it. */
    @Bean
    @Primary
    BudgetedSms budgetedSms(
            SendBudgets budgets, ObjectProvider<SmsGateway> gateways, PlatformTransactionManager transactions) {
        return new BudgetedSms(budgets, gateways, new TransactionTemplate(transactions));
    }

    @Bean
    BudgetJanitor sendBudgetJanitor(SendBudgets budgets, Clock clock) {
        return new BudgetJanitor(budgets, clock);
    }

    /** Forgets counters of windows that ended more than a day ago, in bounded rounds. */
    static final class BudgetJanitor {

        private static final Logger log = LoggerFactory.getLogger(BudgetJanitor.class);
        private static final int BATCH_MAX = 1000;

        private final SendBudgets budgets;
        private final Clock clock;

        BudgetJanitor(SendBudgets budgets, Clock clock) {
            this.budgets = budgets;
            this.clock = clock;
        }

        @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
        void forget() {
            try {
                budgets.forgetBefore(clock.instant().minus(Duration.ofDays(2)), BATCH_MAX);
            } catch (RuntimeException e) {
                log.warn("Forgetting old send budgets failed; the next round tries again", e);
            }
        }
    }
}
