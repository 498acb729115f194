package org.socialbank.conversation.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.billing.IranianBill;
import org.socialbank.billing.SavedBillDue;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.directory.Directory;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Dates;
import org.socialbank.shared.Language;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reminds the customer's private chat of a saved bill due soon (issue 15 s1) with a one-tap Pay
 * button: the press pays that period's pair as Confirm under a bill does (once per pair, a step-up
 * when the limits ask for one). Written to the outbox in the transaction that recorded the
 * reminder, so once per period. The button lasts until the due date.
 */
@Component
class SavedBillReminderMessages {

    private static final CurrencyCode IRR = CurrencyCode.of("IRR");

    private final PaymentAlerts alerts;
    private final JdbcConversations store;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;
    private final Clock clock;

    SavedBillReminderMessages(
            PaymentAlerts alerts,
            JdbcConversations store,
            Outbox outbox,
            Directory directory,
            MessageTexts texts,
            Clock clock) {
        this.alerts = alerts;
        this.store = store;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
        this.clock = clock;
    }

    @EventListener
    void on(SavedBillDue due) {
        Optional<JdbcConversations.Chat> chat =
                alerts.preferredChat(due.customerId()).filter(c -> !PublicNetworks.isPublic(c.channel()));
        if (chat.isEmpty()) {
            return;
        }
        Language language = directory
                .customer(due.customerId())
                .map(v -> v.customer().language())
                .orElse(Language.EN);
        IranianBill bill = due.bill();
        String service = Dialogue.billServiceKey(due.serviceType())
                .map(key -> texts.text(language, key))
                .orElse(due.serviceType());
        String amount = Dialogue.amountWithToman(texts, language, bill.amountRial(), IRR);
        String dueDate = Dates.date(due.dueDate().atTime(12, 0).toInstant(ZoneOffset.UTC), language.locale());
        String text = texts.text(
                language,
                "billing.saved.reminder",
                due.name(),
                service,
                due.billerName() == null ? bill.companyCode() : due.billerName(),
                amount,
                dueDate);
        java.time.Instant expires = due.dueDate().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String reference = BillingQuestions.button(
                store,
                chat.get(),
                BillingQuestions.BILL_PAY + bill.billId() + "|" + bill.paymentId(),
                expires.isAfter(clock.instant()) ? expires : clock.instant().plus(Duration.ofHours(1)));
        outbox.write(
                chat.get(),
                new Outbound.Buttons(
                        text,
                        List.of(new Outbound.Button(texts.text(language, "billing.saved.pay_button"), reference))));
    }
}
