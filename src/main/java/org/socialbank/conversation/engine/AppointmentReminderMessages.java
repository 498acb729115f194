package org.socialbank.conversation.engine;

import java.util.List;
import java.util.Optional;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.branches.AppointmentReminderDue;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Language;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes an appointment's reminder (issue 16 s5) to the customer's private chat in the
 * transaction that marked it reminded: queued exactly once. Its Cancel and Reschedule buttons stay
 * valid until the appointment starts. No chat, or only a public network's: the reminder is not sent.
 */
@Component
class AppointmentReminderMessages {

    private final PaymentAlerts alerts;
    private final JdbcConversations store;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;

    AppointmentReminderMessages(
            PaymentAlerts alerts, JdbcConversations store, Outbox outbox, Directory directory, MessageTexts texts) {
        this.alerts = alerts;
        this.store = store;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
    }

    @EventListener
    void on(AppointmentReminderDue due) {
        Optional<JdbcConversations.Chat> chat =
                alerts.preferredChat(due.customerId()).filter(c -> !PublicNetworks.isPublic(c.channel()));
        if (chat.isEmpty()) {
            return;
        }
        Language language = directory
                .customer(due.customerId())
                .map(v -> v.customer().language())
                .orElse(Language.EN);
        // issue 13: in the customer's zone (her setting, else her language's), as her receipts
        org.socialbank.shared.CustomerTime time = org.socialbank.shared.CustomerTime.of(
                language.locale(),
                directory
                        .settings(due.customerId())
                        .map(org.socialbank.directory.CustomerSettings::chosenZone)
                        .orElse(null));
        String text = texts.text(
                language,
                "appointments.reminder",
                time.dateTime(due.start()),
                due.branchName(),
                due.branchAddress(),
                due.code());
        outbox.write(
                chat.get(),
                new Outbound.Buttons(
                        text,
                        List.of(
                                new Outbound.Button(
                                        texts.text(language, "appointments.reminder.cancel_button"),
                                        button(
                                                chat.get(),
                                                Bank.CANCEL_APPOINTMENT
                                                        + due.appointmentId().value(),
                                                due)),
                                new Outbound.Button(
                                        texts.text(language, "appointments.reminder.reschedule_button"),
                                        button(
                                                chat.get(),
                                                Bank.RESCHEDULE_APPOINTMENT
                                                        + due.appointmentId().value(),
                                                due)))));
    }

    private String button(JdbcConversations.Chat chat, String action, AppointmentReminderDue due) {
        String reference = ChatBank.newReference();
        store.insertButton(reference, chat.identityId(), Json.action(action), 0, due.start());
        return reference;
    }
}
