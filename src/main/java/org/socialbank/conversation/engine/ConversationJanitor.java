package org.socialbank.conversation.engine;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.ConversationProperties;
import org.socialbank.shared.jdbc.Retention;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles outbox rows whose send ended with an unknown outcome, and keeps the engine's tables
 * bounded: the content of sent and failed outbox rows is blanked {@code sent-payload-ttl} after
 * they finished; handled inbox rows, finished outbox rows and expired buttons older than the
 * retention are deleted, a bounded batch per run. Every step is a single guarded UPDATE or DELETE, so two
 * nodes running it at once do no harm.
 */
@Component
public class ConversationJanitor {

    private static final Logger log = LoggerFactory.getLogger(ConversationJanitor.class);
    /** How far back a run looks for sent rows whose content is due to be blanked. */
    static final java.time.Duration BLANKING_WINDOW = java.time.Duration.ofDays(1);

    static final String GIVEN_UP = "outcome unknown; not resent, the platform could show it twice";

    private final JdbcConversations store;
    private final OutboxRelay relay;
    private final ConversationProperties properties;
    private final Clock clock;

    ConversationJanitor(JdbcConversations store, OutboxRelay relay, ConversationProperties properties, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${socialbank.conversation.janitor-interval:1m}",
            initialDelayString = "${socialbank.conversation.janitor-interval:1m}")
    void scheduled() {
        if (properties.relayEnabled()) {
            run();
        }
    }

    /** What one run did. */
    public record Report(
            int resent, int givenUp, int inboxDeleted, int outboxDeleted, int buttonsDeleted, int payloadsPurged) {}

    public Report run() {
        Instant now = clock.instant();
        int resent = 0;
        int givenUp = 0;
        for (JdbcConversations.Pending row :
                store.unknownBefore(now.minus(properties.unknownGrace()), properties.janitorBatchMax())) {
            boolean safe =
                    relay.sender(row.channel()).map(ChannelSender::resendSafe).orElse(false);
            if (safe ? store.resend(row.id(), now) : store.giveUp(row.id(), GIVEN_UP)) {
                if (safe) {
                    resent++;
                } else {
                    givenUp++;
                    log.warn(
                            "outbox {} on {}: outcome unknown after {}; given up",
                            row.id(),
                            row.channel().wireName(),
                            properties.unknownGrace());
                }
            }
        }
        Instant old = now.minus(properties.retention());
        int batch = properties.janitorBatchMax();
        // a sent reply's content (links are bearer secrets) goes soon; expired buttons after a day:
        // they serve nothing once expired, the audit is the inbox
        // a janitor stopped for longer than a day leaves older rows sealed until the retention deletes them
        int purged = Retention.deleteInBatches(
                () -> store.blankFinishedPayloads(now.minus(BLANKING_WINDOW), now, batch), batch);
        return new Report(
                resent,
                givenUp,
                Retention.deleteInBatches(() -> store.deleteInboxBefore(old, batch), batch),
                Retention.deleteInBatches(() -> store.deleteFinishedOutboxBefore(old, batch), batch),
                Retention.deleteInBatches(
                        () -> store.deleteButtonsBefore(now.minus(java.time.Duration.ofDays(1)), batch), batch),
                purged);
    }
}
