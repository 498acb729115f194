package org.socialbank.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * Which outbound chat messages are marketing (issue 17, 3.13), by the outbox row's id: a channel
 * adapter asks before carrying a message outside the platform's window, so that a campaign's
 * message goes by the platform's marketing path (WhatsApp's MARKETING template, WeChat's mass
 * send), only while the recipient's marketing consent is given, and never as a transactional
 * (utility) template. The campaigns module answers; without it nothing is marketing.
 */
public interface MarketingMessages {

    /** The campaign message written to the outbox under {@code messageId}; empty for any other message. */
    Optional<Marketing> marketing(UUID messageId);

    /**
     * A campaign's message.
     *
     * @param campaignId its campaign
     * @param consented whether the recipient's marketing consent on that channel is given now
     * @param trackedLink the recipient's own tracked link in the message, null without one
     * @param link the campaign's target that link leads to, null without one: a message that goes
     *     to many at once (WeChat's mass send) carries it instead of one recipient's tracked link
     */
    record Marketing(UUID campaignId, boolean consented, String trackedLink, String link) {

        public Marketing(UUID campaignId, boolean consented) {
            this(campaignId, consented, null, null);
        }

        /** The message's text as many may read it: her tracked link replaced by the campaign's target. */
        public String shared(String text) {
            return trackedLink == null ? text : text.replace(trackedLink, link == null ? "" : link);
        }
    }
}
