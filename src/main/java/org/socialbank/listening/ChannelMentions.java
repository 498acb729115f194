package org.socialbank.listening;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.channels.PublicMentionReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Public mentions read by a channel adapter (X today) become mentions here, under the source named
 * like the network. The author is the account id on the network, so a linked author is found
 * exactly. A failure is logged and the mention lost for listening; the channel's delivery and its
 * answer to the customer are unaffected.
 */
@Component
class ChannelMentions {

    private static final Logger log = LoggerFactory.getLogger(ChannelMentions.class);

    private final Mentions mentions;

    ChannelMentions(Mentions mentions) {
        this.mentions = mentions;
    }

    @EventListener
    void on(PublicMentionReceived event) {
        String source = event.network().wireName();
        if (!mentions.knows(source)) {
            log.debug("listening: no source {} for a public mention", source);
            return;
        }
        try {
            mentions.record(new NewMention(source, event.postId(), event.text(), event.authorId(), event.createdAt()));
        } catch (RuntimeException e) {
            log.warn("listening: public mention {} on {} not recorded ({})", event.postId(), source,
                    e.getClass().getSimpleName());
        }
    }
}
