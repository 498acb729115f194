package org.socialbank.conversation.engine;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.billing.CardNumber;
import org.socialbank.billing.CardTransferQuoted;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Language;
import org.socialbank.shared.CurrencyCode;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings the switch's answer about a card-to-card asked in chat (issue 15 s3) to the customer's
 * private chat: "Pay 500,000 rial to 6037-99**-****-1234 (A. Rezaei, Bank Melli)?" with Confirm
 * and Cancel, or that the switch does not know the card. The card is shown masked only. Written
 * to the outbox in the transaction that recorded the answer, so once.
 */
@Component
class CardQuoteMessages {

    /** The actions of the dialogue's card-to-card buttons ({@code CardToCardDialogue}). */
    static final String PAY = "billing.card.pay:";
    static final String CANCEL = "billing.card.cancel";

    private final PaymentAlerts alerts;
    private final JdbcConversations store;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;
    private final java.time.Duration buttonTtl;
    private final Clock clock;

    CardQuoteMessages(PaymentAlerts alerts, JdbcConversations store, Outbox outbox, Directory directory,
            MessageTexts texts, org.socialbank.conversation.ConversationProperties properties, Clock clock) {
        this.alerts = alerts;
        this.store = store;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
        this.buttonTtl = properties.buttonTtl();
        this.clock = clock;
    }

    @EventListener
    void on(CardTransferQuoted quoted) {
        Optional<JdbcConversations.Chat> chat = alerts.preferredChat(quoted.customerId())
                .filter(c -> !PublicNetworks.isPublic(c.channel()));
        if (chat.isEmpty()) {
            return;
        }
        Language language = directory.customer(quoted.customerId()).map(v -> v.customer().language())
                .orElse(Language.EN);
        String card = CardNumber.grouped(quoted.destinationMasked());
        if (!quoted.known()) {
            outbox.write(chat.get(), new Outbound.Text(texts.text(language, "billing.c2c.unknown_card", card)));
            return;
        }
        String amount = Dialogue.amountWithToman(texts, language, quoted.amountMinor(),
                CurrencyCode.of(quoted.currency()));
        String bank = quoted.bank() != null ? quoted.bank() : texts.text(language, "billing.c2c.bank_unknown");
        String text = texts.text(language, "billing.c2c.confirm", amount, card, quoted.holderMasked(), bank,
                quoted.sourceCardMasked() == null ? "" : CardNumber.grouped(quoted.sourceCardMasked()));
        outbox.write(chat.get(), new Outbound.Buttons(text, List.of(
                new Outbound.Button(texts.text(language, "conversation.pay.confirm_button"),
                        button(chat.get(), PAY + quoted.quoteId())),
                new Outbound.Button(texts.text(language, "conversation.pay.cancel_button"),
                        button(chat.get(), CANCEL)))));
    }

    private String button(JdbcConversations.Chat chat, String action) {
        return BillInquiryMessages.button(store, chat, action, clock.instant().plus(buttonTtl));
    }
}
