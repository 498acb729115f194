package org.socialbank.conversation.engine;

import java.util.List;
import org.socialbank.alerts.AlertKind;
import org.socialbank.alerts.AlertSmsFailed;
import org.socialbank.alerts.TransactionAlertDue;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.shared.Network;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each transaction alert (issue 17) to the outbox of the private chat the alerts module
 * chose, in the transaction that marked it sent: queued exactly once. Service messages: no
 * marketing consent is asked. So is the notice that an alert's SMS failed for good, once per
 * failure (review 2026-12-07 alert follow-up).
 */
@Component
class PostingAlerts {

    /** How long an alert's "This wasn't me" button can be pressed. */
    static final java.time.Duration NOT_ME_VALID = java.time.Duration.ofDays(30);

    private final Outbox outbox;
    private final MessageTexts texts;
    private final JdbcConversations store;

    PostingAlerts(Outbox outbox, MessageTexts texts, JdbcConversations store) {
        this.outbox = outbox;
        this.texts = texts;
        this.store = store;
    }

    /**
     * Money out (or a fee) comes with a "This wasn't me" button, valid 30 days: a press locks the
     * customer's cards and puts a person on it (issue 17). Money in needs none; nor do WhatsApp and
     * WeChat get one: outside their reply windows an alert goes only as an approved template, which
     * carries no buttons, and an alert must arrive.
     */
    @EventListener
    void on(TransactionAlertDue alert) {
        JdbcConversations.Chat chat =
                new JdbcConversations.Chat(alert.chatIdentity(), alert.channel(), alert.recipient());
        if (alert.kind() == AlertKind.INCOMING
                || alert.channel() == Network.WHATSAPP
                || alert.channel() == Network.WECHAT) {
            outbox.write(alert.messageId(), chat, new Outbound.Text(text(alert)));
            return;
        }
        String reference = ChatBank.newReference();
        store.insertButton(
                reference,
                alert.chatIdentity(),
                Json.action(Bank.NOT_ME + alert.alertId()),
                0,
                alert.postedAt().plus(NOT_ME_VALID));
        outbox.write(
                alert.messageId(),
                chat,
                new Outbound.Buttons(
                        text(alert),
                        List.of(new Outbound.Button(texts.text(alert.language(), "alerts.not_me.button"), reference))));
    }

    /**
     * The notice that an alert's SMS failed for good ({@code alerts.sms_failed.*}), or that nobody
     * could confirm it arrived ({@code alerts.sms_unconfirmed.*}, UNKNOWN: it may well have): its kind, when, and the number's last two
     * digits, never an amount or a balance (the chat may be X, which the bank treats as public). A
     * plain text, so that WhatsApp and WeChat can carry it as their alert template outside their windows.
     */
    @EventListener
    void on(AlertSmsFailed failed) {
        outbox.write(
                new JdbcConversations.Chat(failed.chatIdentity(), failed.channel(), failed.recipient()),
                new Outbound.Text(text(failed)));
    }

    String text(AlertSmsFailed failed) {
        String time = org.socialbank.shared.Dates.dateTime(
                failed.postedAt(), failed.language().locale(), failed.zone());
        String key = failed.unconfirmed() ? "alerts.sms_unconfirmed." : "alerts.sms_failed.";
        return texts.text(failed.language(), key + failed.kind().wireName(), time, failed.phoneEnding());
    }

    String text(TransactionAlertDue alert) {
        Language language = alert.language();
        String amount = MoneyFormat.format(alert.amountMinor(), alert.currency(), language.locale());
        String balance = MoneyFormat.format(alert.balanceAfterMinor(), alert.currency(), language.locale());
        String time = org.socialbank.shared.Dates.dateTime(alert.postedAt(), language.locale(), alert.zone());
        return texts.text(
                language, "alerts." + alert.kind().wireName(), amount, counterparty(alert, language), balance, time);
    }

    private String counterparty(TransactionAlertDue alert, Language language) {
        String who = alert.counterparty();
        if (!who.startsWith("bank:")) {
            return who;
        }
        return texts.text(
                language,
                who.equals("bank:interbank_settlement") ? "alerts.counterparty.external" : "alerts.counterparty.bank");
    }
}
