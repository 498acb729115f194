package org.socialbank.directory;

import java.time.Clock;
import java.time.Duration;
import org.socialbank.directory.challenges.SecondFactorBudget;
import org.socialbank.directory.challenges.SignInThrottle;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.shared.jdbc.Retention;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code link_tokens} bounded: every "balance" from an unlinked chat issues a sign-in
 * token, so tokens are deleted a day after they expired (the confirmation janitor settles an
 * expired step-up within a minute; a day leaves room for its answer to be read). Sign-in throttle
 * rows idle for a lockout window go too (review 2026-12-07 security follow-up): every sign-in
 * attempt writes one per name and per address.
 */
@Component
class ForgetExpiredTokens {

    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);
    static final int BATCH_MAX = 1_000;

    private final JdbcLinking store;
    private final SecondFactorBudget budget;
    private final SignInThrottle throttle;
    private final DirectoryProperties properties;
    private final Clock clock;

    ForgetExpiredTokens(
            JdbcLinking store,
            SecondFactorBudget budget,
            SignInThrottle throttle,
            DirectoryProperties properties,
            Clock clock) {
        this.store = store;
        this.budget = budget;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    int run() {
        // second-factor events older than the window count for nothing any more
        Retention.deleteInBatches(
                () -> budget.forgetBefore(clock.instant().minus(properties.secondFactorWindow()), BATCH_MAX),
                BATCH_MAX);
        Retention.deleteInBatches(() -> throttle.forgetIdle(BATCH_MAX), BATCH_MAX);
        return Retention.deleteInBatches(
                () -> store.deleteTokensExpiredBefore(clock.instant().minus(KEPT_AFTER_EXPIRY), BATCH_MAX), BATCH_MAX);
    }
}
