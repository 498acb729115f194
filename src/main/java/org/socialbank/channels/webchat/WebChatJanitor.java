package org.socialbank.channels.webchat;

import java.time.Clock;
import org.socialbank.shared.jdbc.Retention;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes web chat messages older than the retention, a bounded batch at a time. */
@Component
class WebChatJanitor {

    static final int BATCH_MAX = 1_000;

    private final WebChatMessages messages;
    private final WebChatProperties properties;
    private final Clock clock;

    WebChatJanitor(WebChatMessages messages, WebChatProperties properties, Clock clock) {
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    int run() {
        return Retention.deleteInBatches(
                () -> messages.deleteBefore(clock.instant().minus(properties.retention()), BATCH_MAX), BATCH_MAX);
    }
}
