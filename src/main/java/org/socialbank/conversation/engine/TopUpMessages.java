package org.socialbank.conversation.engine;

import java.util.Optional;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.billing.TopUpEnded;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Language;
import org.socialbank.shared.CurrencyCode;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer's private chat how a top-up ended (issue 15), asked in chat or by the bank's
 * app: charged, with the operator's trace number, or not, with the money back. Written to the
 * outbox in the transaction that booked the operator's answer, so once. No private chat: nothing.
 */
@Component
class TopUpMessages {

    private final PaymentAlerts alerts;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;

    TopUpMessages(PaymentAlerts alerts, Outbox outbox, Directory directory, MessageTexts texts) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
    }

    @EventListener
    void on(TopUpEnded ended) {
        Optional<JdbcConversations.Chat> chat = alerts.preferredChat(ended.customerId())
                .filter(c -> !PublicNetworks.isPublic(c.channel()));
        if (chat.isEmpty()) {
            return;
        }
        Language language = directory.customer(ended.customerId()).map(v -> v.customer().language())
                .orElse(Language.EN);
        String amount = Dialogue.amountWithToman(texts, language, ended.amountMinor(), CurrencyCode.of(ended.currency()));
        String text = ended.completed()
                ? texts.text(language, "billing.topup.done", amount, ended.phoneE164(), ended.traceNumber())
                : texts.text(language, "billing.topup.failed", amount, ended.phoneE164(), ended.code());
        outbox.write(chat.get(), new Outbound.Text(text));
    }
}
