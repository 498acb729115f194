package org.socialbank.conversation.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.billing.BillInquired;
import org.socialbank.billing.IranianBill;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Language;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Dates;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings the biller's answer about a bill asked in chat (issue 15 s1) to the customer's private
 * chat with Confirm and Cancel: the service, the biller's own name, the masked holder, the ids,
 * the period, the amount (rial and toman) and the due date; without an answer, what the ids say.
 * Written to the outbox in the transaction that recorded the answer, so once.
 */
@Component
class BillInquiryMessages {

    /** The actions of the bill dialogue's buttons ({@code BillDialogue}). */
    static final String PAY = "billing.pay:";
    static final String CANCEL = "billing.cancel";
    private static final CurrencyCode IRR = CurrencyCode.of("IRR");

    private final PaymentAlerts alerts;
    private final JdbcConversations store;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;
    private final Duration buttonTtl;
    private final Clock clock;

    BillInquiryMessages(PaymentAlerts alerts, JdbcConversations store, Outbox outbox, Directory directory,
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
    void on(BillInquired inquired) {
        Optional<JdbcConversations.Chat> chat = alerts.preferredChat(inquired.customerId())
                .filter(c -> !PublicNetworks.isPublic(c.channel()));
        if (chat.isEmpty()) {
            return;
        }
        Language language = directory.customer(inquired.customerId()).map(v -> v.customer().language())
                .orElse(Language.EN);
        IranianBill bill = inquired.bill();
        if (inquired.paid()) {
            outbox.write(chat.get(), new Outbound.Text(texts.text(language, "billing.chat.already_paid", bill.billId())));
            return;
        }
        String service = Dialogue.billServiceKey(inquired.serviceType()).map(key -> texts.text(language, key))
                .orElse(inquired.serviceType());
        String amount = Dialogue.amountWithToman(texts, language, bill.amountRial(), IRR);
        String text = inquired.billerName() == null
                ? texts.text(language, "billing.chat.confirm", service, bill.companyCode(), bill.billId(),
                        bill.paymentId(), Dialogue.billPeriod(language, bill), amount)
                : texts.text(language, "billing.chat.confirm_biller", service, inquired.billerName(),
                        bill.companyCode(), inquired.holderMasked(), bill.billId(), bill.paymentId(), Dialogue.billPeriod(language, bill),
                        amount, Dates.date(inquired.dueDate().atTime(12, 0).toInstant(ZoneOffset.UTC),
                                language.locale()));
        outbox.write(chat.get(), new Outbound.Buttons(text, List.of(
                new Outbound.Button(texts.text(language, "conversation.pay.confirm_button"),
                        button(chat.get(), PAY + bill.billId() + "|" + bill.paymentId())),
                new Outbound.Button(texts.text(language, "conversation.pay.cancel_button"), button(chat.get(), CANCEL)))));
    }

    private String button(JdbcConversations.Chat chat, String action) {
        return button(store, chat, action, clock.instant().plus(buttonTtl));
    }

    /** A button under a message the bank writes on its own (no form behind it), valid until {@code expires}. */
    static String button(JdbcConversations store, JdbcConversations.Chat chat, String action, java.time.Instant expires) {
        String reference = ChatBank.newReference();
        store.insertButton(reference, chat.identityId(), Json.action(action), 0, expires);
        return reference;
    }
}
