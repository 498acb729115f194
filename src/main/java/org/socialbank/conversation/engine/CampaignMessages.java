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
        String text = message.text() + link + linkButtons(message) + "\n\n"
                + texts.text(message.language(), "campaigns.stop.footer");
        List<Outbound.Button> buttons = new java.util.ArrayList<>(actionButtons(message));
        buttons.add(new Outbound.Button(texts.text(message.language(), "campaigns.stop.button"), reference));
        outbox.write(
                message.messageId(),
                new JdbcConversations.Chat(message.chatIdentity(), message.channel(), message.recipient()),
                new Outbound.Buttons(text, buttons));
    }

    /** A campaign's points reward credited: her chat hears it in her language, once (the id is the reward's). */
    @EventListener
    void on(org.socialbank.campaigns.CampaignPointsCredited credited) {
        String points = java.text.NumberFormat.getIntegerInstance(
                        credited.language().locale())
                .format(credited.points());
        outbox.write(
                credited.messageId(),
                new JdbcConversations.Chat(credited.chatIdentity(), credited.channel(), credited.recipient()),
                new Outbound.Text(texts.text(credited.language(), "campaigns.reward.points", points)));
    }

    /**
     * The staff's link buttons (3.6) as labelled lines of her tracked addresses, one per button, which
     * every network makes tappable: a keyboard button cannot carry an address on every network
     * (WhatsApp's reply buttons, X's quick replies), and the press is counted when the address opens.
     */
    private static String linkButtons(CampaignMessageDue message) {
        StringBuilder lines = new StringBuilder();
        for (CampaignMessageDue.Button b : message.buttons()) {
            if (b.trackedUrl() != null) {
                lines.append('\n').append(b.label()).append(": ").append(b.trackedUrl());
            }
        }
        return lines.toString();
    }

    /** The staff's action buttons (3.6), drawn with "Stop offers" by the network's own keyboard. */
    private List<Outbound.Button> actionButtons(CampaignMessageDue message) {
        List<Outbound.Button> buttons = new java.util.ArrayList<>();
        for (CampaignMessageDue.Button b : message.buttons()) {
            if (b.action() == null) {
                continue;
            }
            String reference = ChatBank.newReference();
            store.insertButton(
                    reference,
                    message.chatIdentity(),
                    Json.action(Bank.CAMPAIGN_BUTTON + message.campaignId() + ":" + b.position() + ":" + b.action()),
                    0,
                    clock.instant().plus(STOP_VALID));
            buttons.add(new Outbound.Button(b.label(), reference));
        }
        return buttons;
    }
}
