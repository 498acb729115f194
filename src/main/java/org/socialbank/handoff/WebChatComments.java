package org.socialbank.handoff;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.socialbank.conversation.ConversationOwners.CustomerMessage;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.socialbank.listening.Mentions;
import org.socialbank.listening.NewMention;
import org.socialbank.shared.Network;
import org.socialbank.shared.Secrets;
import org.springframework.stereotype.Component;

/**
 * Web-chat ratings and comments become listening mentions (issues 19 and 20): after a rating in
 * the web chat the customer is asked whether they want to say more, and their next text there
 * (within {@link #COMMENT_WITHIN}) is the comment. It is not answered by the bot; it becomes a
 * mention of source {@code webchat}, source id {@code rating:<case id>:<1..5>} (the rating rides
 * along in the link back), author the web chat's visitor (so a linked customer is recognised),
 * any secret in it masked. A rating without a comment has no text to classify and stays in the
 * ratings report only.
 */
@Component
class WebChatComments {

    static final Duration COMMENT_WITHIN = Duration.ofMinutes(15);
    static final String SOURCE = "webchat";

    private final JdbcHandoffs store;
    private final Mentions mentions;
    private final ChannelIdentities identities;
    private final Notices notices;
    private final Clock clock;

    WebChatComments(JdbcHandoffs store, Mentions mentions, ChannelIdentities identities, Notices notices, Clock clock) {
        this.store = store;
        this.mentions = mentions;
        this.identities = identities;
        this.notices = notices;
        this.clock = clock;
    }

    /** Whether a rated case of this channel waits for a comment (the web chat, when listening has its source). */
    boolean asksForComment(Network channel) {
        return channel == Network.WEBCHAT && mentions.knows(SOURCE);
    }

    /** The rated case waits for a comment from now on. */
    void awaitComment(CaseId rated) {
        store.awaitComment(rated, clock.instant().plus(COMMENT_WITHIN));
    }

    /** The customer's text after their rating, as a mention; empty when no comment was awaited. */
    Optional<Outbound> comment(CustomerMessage message, String text) {
        if (message.channel() != Network.WEBCHAT || message.inGroup()) {
            return Optional.empty();
        }
        Optional<HandoffCase> rated = store.takeCommentAwaited(message.identity(), clock.instant());
        if (rated.isEmpty() || rated.get().csat().isEmpty()) {
            return Optional.empty();
        }
        String screened = Secrets.screen(text.strip()).text();
        String comment = screened.length() <= NewMention.TEXT_LENGTH_MAX
                ? screened
                : screened.substring(0, NewMention.TEXT_LENGTH_MAX);
        String author = identities
                .identity(message.identity())
                .map(ChannelIdentity::externalId)
                .orElse(null);
        mentions.record(new NewMention(
                SOURCE,
                "rating:" + rated.get().id().value() + ":" + rated.get().csat().get(),
                comment,
                author,
                message.receivedAt(),
                null));
        return Optional.of(new Outbound.Text(notices.text(rated.get().language(), "handoff.rating.comment_thanks")));
    }
}
