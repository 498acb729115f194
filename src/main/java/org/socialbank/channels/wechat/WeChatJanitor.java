package org.socialbank.channels.wechat;

import java.time.Clock;
import org.socialbank.shared.jdbc.Retention;
import org.springframework.scheduling.annotation.Scheduled;

/** Keeps {@code wechat_nonces} bounded: a pair only matters while its timestamp is within the window. */
class WeChatJanitor {

    static final int BATCH_MAX = 1_000;

    private final WeChatNonces nonces;
    private final Clock clock;

    WeChatJanitor(WeChatNonces nonces, Clock clock) {
        this.nonces = nonces;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    int run() {
        return Retention.deleteInBatches(() -> nonces.deleteExpired(clock.instant(), BATCH_MAX), BATCH_MAX);
    }
}
