package org.socialbank.channels.webchat;

import java.time.Clock;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.shared.Network;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the bank's replies to web-chat visitors: "sending" is storing the reply where the
 * visitor's page reads it ({@code /chat/stream}, {@code /chat/history}). The outbox id is the
 * row's key, so a resend after a lost lease is stored once. A visitor whose session ended is
 * refused for good (no browser may read her old id again).
 */
@Component
class WebChatSender implements ChannelSender {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebChatMessages messages;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WebChatSender(WebChatMessages messages, TransactionTemplate transactions, Clock clock) {
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Network network() {
        return Network.WEBCHAT;
    }

    @Override
    public SendOutcome send(OutboundMessage message, String idempotencyKey) {
        String payload = JSON.writerFor(Outbound.class).writeValueAsString(message.content());
        try {
            // an ended visitor's old cookie must find nothing new under its id (review 2026-12-07)
            return transactions.execute(status -> {
                if (messages.ended(message.recipient())) {
                    return new SendOutcome.Failed(false, "webchat session ended");
                }
                messages.append(message.recipient(), "out:" + idempotencyKey, "bank", payload, clock.instant());
                return new SendOutcome.Sent();
            });
        } catch (DataAccessException e) {
            // storing is idempotent under the outbox id, so trying again later is safe
            return new SendOutcome.Failed(true, "webchat store: " + e.getClass().getSimpleName());
        }
    }

    /** A resent reply finds its key ("out:" + outbox id) stored and is not shown twice. */
    @Override
    public boolean resendSafe() {
        return true;
    }
}
