package org.socialbank.listening;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.channels.GroupPostReceived;
import org.socialbank.channels.PublicMentionReceived;
import org.socialbank.shared.Faults;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Public mentions read by a channel adapter become mentions here, under the source named like the
 * network: X's mentions of the bank's account, and texts in Telegram or Bale groups where the bank's
 * bot is a member that name the bot or one of the bank's {@code keywords} (source id
 * {@code <group id>:<message id>}, the place a public reply answers). The author is the account id
 * on the network, so a linked author is found exactly. A database, transaction or I/O fault is
 * rethrown, so that the adapter has the post delivered again (recording is idempotent by source
 * id); any other failure is logged and the mention lost for listening, the channel's delivery
 * and its answer to the customer unaffected.
 */
@Component
class ChannelMentions {

    private static final Logger log = LoggerFactory.getLogger(ChannelMentions.class);

    private final Mentions mentions;
    private final Keywords keywords;

    ChannelMentions(Mentions mentions, ListeningProperties properties) {
        this.mentions = mentions;
        this.keywords = new Keywords(properties.keywords());
    }

    @EventListener
    void on(PublicMentionReceived event) {
        record(
                event.network().wireName(),
                event.postId(),
                event.text(),
                event.authorId(),
                event.createdAt(),
                event.authorFollowers());
    }

    /** A group post is kept only when it names the bot or the bank; other chatter is not stored. */
    @EventListener
    void on(GroupPostReceived event) {
        if (!event.mentionsBot() && !keywords.named(event.text())) {
            return;
        }
        // the author's reach in a group is the group's audience: its members, when the network said
        record(
                event.network().wireName(),
                event.groupId() + ":" + event.messageId(),
                event.text(),
                event.authorId(),
                event.createdAt(),
                event.groupMembers());
    }

    private void record(String source, String sourceId, String text, String author, Instant createdAt, Long reach) {
        if (!mentions.knows(source)) {
            log.debug("listening: no source {} for a public mention", source);
            return;
        }
        try {
            mentions.record(new NewMention(source, sourceId, text, author, createdAt, reach));
        } catch (RuntimeException e) {
            if (Faults.infrastructure(e)) {
                // the adapter lets the network deliver the post again (X: 503; Telegram: the update
                // is not recorded), and the mention is recorded then (review 2026-12-07 channels follow-up)
                throw e;
            }
            log.warn(
                    "listening: public mention {} on {} not recorded ({})",
                    sourceId,
                    source,
                    e.getClass().getSimpleName());
        }
    }
}
