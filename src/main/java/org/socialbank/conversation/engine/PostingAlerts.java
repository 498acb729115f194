package org.socialbank.conversation.engine;

import org.socialbank.alerts.TransactionAlertDue;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.Language;
import org.socialbank.shared.Money;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each transaction alert (issue 17) to the outbox of the private chat the alerts module
 * chose, in the transaction that marked it sent: queued exactly once. Service messages: no
 * marketing consent is asked.
 */
@Component
class PostingAlerts {

    private final Outbox outbox;
    private final MessageTexts texts;

    PostingAlerts(Outbox outbox, MessageTexts texts) {
        this.outbox = outbox;
        this.texts = texts;
    }

    @EventListener
    void on(TransactionAlertDue alert) {
        outbox.write(new JdbcConversations.Chat(alert.chatIdentity(), alert.channel(), alert.recipient()),
                new Outbound.Text(text(alert)));
    }

    String text(TransactionAlertDue alert) {
        Language language = alert.language();
        String amount = Money.format(alert.amountMinor(), alert.currency(), language.locale());
        String balance = Money.format(alert.balanceAfterMinor(), alert.currency(), language.locale());
        String time = org.socialbank.shared.Dates.dateTime(alert.postedAt(), language.locale(), alert.zone());
        return texts.text(language, "alerts." + alert.kind().wireName(), amount, counterparty(alert, language),
                balance, time);
    }

    private String counterparty(TransactionAlertDue alert, Language language) {
        String who = alert.counterparty();
        if (!who.startsWith("bank:")) {
            return who;
        }
        return texts.text(language, who.equals("bank:interbank_settlement") ? "alerts.counterparty.external"
                : "alerts.counterparty.bank");
    }
}
