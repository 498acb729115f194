package org.socialbank.channels.x;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Network;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the engine's replies on X. A recipient {@code tweet:<id>} is the public timeline: a short
 * neutral text is posted as a reply to that tweet, anything else goes by DM to the tweet's author
 * (the chat account the reply belongs to). Any other recipient is a user id: a DM, where buttons
 * are numbered choices remembered for the chat ({@link XChoices}). Outcomes: a 429
 * or a paused endpoint is "not now" until the endpoint's window resets (no send attempt), 5xx and
 * no connection are tried again, a timeout after the request was written is {@code Unknown}, any
 * other "no" is final.
 */
final class XSender implements ChannelSender {

    static final String TWEET_PREFIX = "tweet:";

    private static final Logger log = LoggerFactory.getLogger(XSender.class);

    /** A 429 paused the endpoint in {@link XApi}; the next try reads how long from its pause. */
    static final Duration AFTER_429 = Duration.ofSeconds(1);

    private final XApi api;
    private final ChannelIdentities identities;
    private final int publicTextMax;
    private final Clock clock;
    private final XChoices choices;
    private final Function<IdentityId, XReplies.ChoiceStyle> choiceStyles;

    /**
     * @param choiceStyles how a message's numbered choices are written (the line under them, the
     *     digits of their numbers), in the chat's language
     */
    XSender(
            XApi api,
            ChannelIdentities identities,
            int publicTextMax,
            Clock clock,
            XChoices choices,
            Function<IdentityId, XReplies.ChoiceStyle> choiceStyles) {
        this.api = api;
        this.identities = identities;
        this.publicTextMax = publicTextMax;
        this.clock = clock;
        this.choices = choices;
        this.choiceStyles = choiceStyles;
    }

    @Override
    public Network network() {
        return Network.X;
    }

    /** One call to X, with its immediate retries (review 2026-12-07 channels follow-up). */
    @Override
    public SendDurationMax sendDurationMax() {
        return api.callDurationMax();
    }

    @Override
    public SendOutcome send(OutboundMessage message, String idempotencyKey) {
        String recipient = message.recipient();
        if (!recipient.startsWith(TWEET_PREFIX)) {
            return directMessage(recipient, message);
        }
        String tweetId = recipient.substring(TWEET_PREFIX.length());
        Optional<String> text = XReplies.publicText(message.content(), publicTextMax);
        if (text.isPresent()) {
            return outcome(api.reply(tweetId, text.get()));
        }
        // not for the timeline: the author of the tweet gets it privately
        // a fault of this read is no send: the relay tries again (review 2026-12-07 channels follow-up)
        Optional<String> author = ChannelSender.beforeSend(() -> identities.identity(message.identityId()))
                .map(ChannelIdentity::externalId);
        if (author.isEmpty()) {
            return new SendOutcome.Failed(false, "no author known for " + recipient);
        }
        log.info("x: a reply to {} is not neutral enough to be public; sent by DM", recipient);
        return directMessage(author.get(), message);
    }

    private SendOutcome directMessage(String userId, OutboundMessage message) {
        if (!userId.matches("[0-9]{1,19}")) {
            return new SendOutcome.Failed(false, "not an X user id: " + userId);
        }
        if (message.content() instanceof Outbound.Buttons buttons) {
            return choices(userId, message, buttons);
        }
        return dm(userId, XReplies.directMessage(message.content(), ""));
    }

    /**
     * Buttons go as numbered choices: they are remembered for the chat before the send, so that a
     * quick "1" finds them, and removed again when X did not take the message, so that a number never
     * presses a button the customer was not shown. Not stored, not sent: the relay tries again.
     */
    private SendOutcome choices(String userId, OutboundMessage message, Outbound.Buttons buttons) {
        XReplies.ChoiceStyle style = choiceStyles.apply(message.identityId());
        int firstNumber; // after the numbers still open in the chat: a push never takes those of her question
        try {
            firstNumber = choices.remember(
                    userId,
                    message.id(),
                    buttons.buttons().stream().map(Outbound.Button::reference).toList());
        } catch (RuntimeException e) {
            log.warn("x: the choices of outbox {} were not stored ({}); not sent", message.id(), e.toString());
            return new SendOutcome.Failed(
                    true, "choices not stored: " + e.getClass().getSimpleName());
        }
        ObjectNode body = XReplies.directMessage(buttons, style, firstNumber);
        SendOutcome outcome = dm(userId, body);
        if (outcome instanceof SendOutcome.Failed || outcome instanceof SendOutcome.NotNow) {
            try {
                choices.forget(userId, message.id());
            } catch (RuntimeException e) {
                log.warn(
                        "x: the choices of outbox {}, not sent, stay until choice-ttl ({})",
                        message.id(),
                        e.toString());
            }
        }
        return outcome;
    }

    private SendOutcome dm(String userId, ObjectNode body) {
        try {
            return outcome(api.directMessage(userId, body));
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Failed(false, e.getMessage());
        }
    }

    private SendOutcome outcome(XApi.Answer answer) {
        if (answer instanceof XApi.Ok) {
            return new SendOutcome.Sent();
        }
        if (answer instanceof XApi.Paused paused) {
            return new SendOutcome.NotNow(
                    Duration.between(clock.instant(), paused.until()), "rate limited until " + paused.until());
        }
        if (answer instanceof XApi.NoAnswer none) {
            return none.maybeDelivered()
                    ? new SendOutcome.Unknown(none.reason())
                    : new SendOutcome.Failed(true, none.reason());
        }
        XApi.Refused refused = (XApi.Refused) answer;
        if (refused.status() == 429) {
            return new SendOutcome.NotNow(AFTER_429, refused.reason());
        }
        return new SendOutcome.Failed(refused.status() >= 500, refused.reason());
    }
}
