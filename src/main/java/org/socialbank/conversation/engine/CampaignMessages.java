package org.socialbank.conversation.engine;

import org.socialbank.campaigns.CampaignMessageDue;
import org.socialbank.conversation.Outbound;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes a campaign's message to the outbox in the transaction that marks its recipient sent (issue 17). */
@Component
class CampaignMessages {

    private final Outbox outbox;

    CampaignMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(CampaignMessageDue message) {
        outbox.write(new JdbcConversations.Chat(message.chatIdentity(), message.channel(), message.recipient()),
                new Outbound.Text(message.text()));
    }
}
