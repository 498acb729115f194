package org.socialbank.conversation.engine;

import java.time.ZoneOffset;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.cards.CardDispatched;
import org.socialbank.cards.CardReminderDue;
import org.socialbank.cards.CardRepaymentNotMade;
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
 * Writes a card's unlocking, confirmed on the bank's page, a repayment from that page that repaid
 * nothing, her new card's dispatch, and a credit card's reminder (due soon, auto-repaid, auto-repayment short, overdue; issue 16
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

    /**
     * A repayment sent to the bank's page ended without repaying: the chat hears how (ran out of
     * time, too many wrong codes, cancelled on the page) or, when the right code was typed, why it
     * was refused. Once: the step-up ends once.
     */
    @EventListener
    void on(CardRepaymentNotMade event) {
        tellInPrivate(event.customerId(), language -> {
            String key = repaymentNotMadeKey(event.reason());
            if (key.startsWith("cards.chat.repay.not_confirmed.")) {
                return texts.text(language, key, event.maskedNumber());
            }
            return texts.text(
                    language,
                    key,
                    MoneyFormat.format(event.amountMinor(), event.currency(), language.locale()),
                    event.maskedNumber());
        });
    }

    static String repaymentNotMadeKey(String reason) {
        return switch (reason) {
            case "expired", "too_many_attempts", "cancelled" -> "cards.chat.repay.not_confirmed." + reason;
            case "insufficient_funds" -> "cards.chat.repay.not_made.insufficient_funds";
            case "nothing_owed" -> "cards.chat.repay.not_made.nothing_owed"; // "repay in full" would be refused too
            case "exceeds_amount_owed" -> "cards.chat.repay.not_made.owed";
            default -> "cards.chat.repay.not_made.other";
        };
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
