package org.socialbank.conversation.engine;

import java.time.ZoneOffset;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.cards.CardDispatched;
import org.socialbank.cards.CardReminderDue;
import org.socialbank.cards.CardUnlockConfirmed;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Dates;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes a card's unlocking, confirmed on the bank's page, her new card's dispatch, and a credit card's reminder (due soon, auto-repaid, auto-repayment short, overdue; issue 16
 * s2) to the holder's private chat in the transaction that recorded it: queued exactly once. No
 * chat, or only a public network's: it is not sent (the statement stays on the API and in "my
 * credit card bill").
 */
@Component
class CardReminderMessages {

    private final PaymentAlerts alerts;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;

    CardReminderMessages(PaymentAlerts alerts, Outbox outbox, Directory directory, MessageTexts texts) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
    }

    @EventListener
    void on(CardReminderDue due) {
        tellInPrivate(
                due.customerId(),
                language -> texts.text(
                        language,
                        due.kind().messageKey(),
                        due.maskedNumber(),
                        MoneyFormat.format(due.amountMinor(), due.currency(), language.locale()),
                        MoneyFormat.format(due.minimumMinor(), due.currency(), language.locale()),
                        Dates.date(due.dueDate().atTime(12, 0).toInstant(ZoneOffset.UTC), language.locale())));
    }

    /** Her newest card is on its way: told once, in her private chat, in her language. */
    @EventListener
    void on(CardDispatched sent) {
        tellInPrivate(
                sent.customerId(),
                language -> texts.text(
                        language,
                        "cards.chat.dispatched",
                        sent.maskedNumber(),
                        Dates.date(sent.dispatchedOn().atTime(12, 0).toInstant(ZoneOffset.UTC), language.locale())));
    }

    /** A card unlocked on the bank's page: the chat that asked (the holder's private one) is told. */
    @EventListener
    void on(CardUnlockConfirmed unlocked) {
        tellInPrivate(
                unlocked.customerId(),
                language -> texts.text(language, "cards.chat.unlocked", unlocked.maskedNumber()));
    }

    /** Writes a text in her language to her preferred chat, unless it is on a public network. */
    private void tellInPrivate(CustomerId customer, java.util.function.Function<Language, String> text) {
        alerts.preferredChat(customer)
                .filter(c -> !PublicNetworks.isPublic(c.channel()))
                .ifPresent(chat -> outbox.write(chat, new Outbound.Text(text.apply(languageOf(customer)))));
    }

    private Language languageOf(CustomerId customer) {
        return directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
    }
}
