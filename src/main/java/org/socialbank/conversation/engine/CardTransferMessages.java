package org.socialbank.conversation.engine;

import java.util.Optional;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.billing.CardTransferEnded;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Language;
import org.socialbank.shared.CurrencyCode;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer's private chat how a card-to-card transfer ended (issue 15): paid, with the
 * switch's trace number, or not, with the money back. The card is named masked (first six, last
 * four), as the event carries it. Written to the outbox in the booking transaction, so once.
 */
@Component
class CardTransferMessages {

    private final PaymentAlerts alerts;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;

    CardTransferMessages(PaymentAlerts alerts, Outbox outbox, Directory directory, MessageTexts texts) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
    }

    @EventListener
    void on(CardTransferEnded ended) {
        Optional<JdbcConversations.Chat> chat = alerts.preferredChat(ended.customerId())
                .filter(c -> !PublicNetworks.isPublic(c.channel()));
        if (chat.isEmpty()) {
            return;
        }
        Language language = directory.customer(ended.customerId()).map(v -> v.customer().language())
                .orElse(Language.EN);
        String amount = Dialogue.amountWithToman(texts, language, ended.amountMinor(), CurrencyCode.of(ended.currency()));
        String card = ended.bank() == null ? ended.destinationMasked() : ended.destinationMasked() + " (" + ended.bank() + ")";
        String text = ended.completed()
                ? texts.text(language, "billing.card.done", amount, card, ended.traceNumber())
                : texts.text(language, "billing.card.failed", amount, card, ended.code());
        outbox.write(chat.get(), new Outbound.Text(text));
    }
}
