package org.socialbank.conversation.engine;

import java.time.Duration;
import java.util.List;
import org.socialbank.campaigns.CampaignMessageDue;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Bank;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes a campaign's message to the outbox in the transaction that marks its recipient sent
 * (issue 17), with a line saying how to stop offers and a one-tap "Stop offers" button in the
 * recipient's language. A message with a button is never sent as a WhatsApp or WeChat template
 * outside their windows: those templates are for service messages, never marketing.
 */
@Component
class CampaignMessages {

    /** How long a campaign message's "Stop offers" button can be pressed. */
    static final Duration STOP_VALID = Duration.ofDays(60);

    private final Outbox outbox;
    private final MessageTexts texts;
    private final JdbcConversations store;
    private final java.time.Clock clock;

    CampaignMessages(Outbox outbox, MessageTexts texts, JdbcConversations store, java.time.Clock clock) {
        this.outbox = outbox;
        this.texts = texts;
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    void on(CampaignMessageDue message) {
        String reference = ChatBank.newReference();
        store.insertButton(
                reference,
                message.chatIdentity(),
                Json.action(Bank.STOP_OFFERS + message.campaignId()),
                0,
                clock.instant().plus(STOP_VALID));
        String link = message.trackedLink() == null ? "" : "\n" + message.trackedLink();
        String text = message.text() + link + "\n\n" + texts.text(message.language(), "campaigns.stop.footer");
        outbox.write(
                message.messageId(),
                new JdbcConversations.Chat(message.chatIdentity(), message.channel(), message.recipient()),
                new Outbound.Buttons(
                        text,
                        List.of(new Outbound.Button(
                                texts.text(message.language(), "campaigns.stop.button"), reference))));
    }
}
