package org.socialbank.conversation.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.branches.Appointment;
import org.socialbank.branches.AppointmentActor;
import org.socialbank.branches.AppointmentChanged;
import org.socialbank.branches.AppointmentId;
import org.socialbank.branches.AppointmentReminderDue;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerSettings;
import org.socialbank.directory.Directory;
import org.socialbank.shared.CustomerTime;
import org.socialbank.shared.Language;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes to the customer's private chat, in the transaction of the change, what happens to her
 * appointments without her chat: the reminder (issue 16 s5), and a booking, cancel or move the
 * bank made (review 2026-12-07 branches #1); one she made in her chat was answered there. Queued
 * exactly once. The Cancel and Reschedule buttons stay valid until the appointment starts. No
 * chat, or only a public network's: nothing is sent.
 */
@Component
class AppointmentMessages {

    private final PaymentAlerts alerts;
    private final JdbcConversations store;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;

    AppointmentMessages(
            PaymentAlerts alerts, JdbcConversations store, Outbox outbox, Directory directory, MessageTexts texts) {
        this.alerts = alerts;
        this.store = store;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
    }

    @EventListener
    void on(AppointmentReminderDue due) {
        privateChat(due.customerId()).ifPresent(chat -> {
            Language language = language(due.customerId());
            String text = texts.text(
                    language,
                    "appointments.reminder",
                    time(due.customerId(), language).dateTime(due.start()),
                    due.branchName(),
                    due.branchAddress(),
                    due.code());
            outbox.write(chat, withButtons(chat, language, text, due.appointmentId(), due.start()));
        });
    }

    @EventListener
    void on(AppointmentChanged changed) {
        if (changed.by() == AppointmentActor.CUSTOMER_IN_CHAT) {
            return; // her chat answered her when she did it: a second message would say it twice
        }
        Appointment a = changed.appointment();
        privateChat(a.customerId()).ifPresent(chat -> {
            Language language = language(a.customerId());
            CustomerTime time = time(a.customerId(), language);
            String text = texts.text(
                    language,
                    switch (changed.change()) {
                        case BOOKED -> "appointments.changed.booked";
                        case CANCELLED -> "appointments.changed.cancelled";
                        case RESCHEDULED -> "appointments.changed.rescheduled";
                    },
                    time.dateTime(a.start()),
                    changed.branchName(),
                    changed.branchAddress(),
                    a.code(),
                    changed.previousStart() == null ? "" : time.dateTime(changed.previousStart()));
            outbox.write(
                    chat,
                    changed.change() == AppointmentChanged.Change.CANCELLED
                            ? new Outbound.Text(text)
                            : withButtons(chat, language, text, a.id(), a.start()));
        });
    }

    private Optional<JdbcConversations.Chat> privateChat(CustomerId customer) {
        return alerts.preferredChat(customer).filter(c -> !PublicNetworks.isPublic(c.channel()));
    }

    private Language language(CustomerId customer) {
        return directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
    }

    /** Issue 13: in the customer's zone (her setting, else her language's), as her receipts. */
    private CustomerTime time(CustomerId customer, Language language) {
        return CustomerTime.of(
                language.locale(),
                directory.settings(customer).map(CustomerSettings::chosenZone).orElse(null));
    }

    private Outbound.Buttons withButtons(
            JdbcConversations.Chat chat, Language language, String text, AppointmentId id, Instant start) {
        return new Outbound.Buttons(
                text,
                List.of(
                        new Outbound.Button(
                                texts.text(language, "appointments.reminder.cancel_button"),
                                button(chat, Bank.CANCEL_APPOINTMENT + id.value(), start)),
                        new Outbound.Button(
                                texts.text(language, "appointments.reminder.reschedule_button"),
                                button(chat, Bank.RESCHEDULE_APPOINTMENT + id.value(), start))));
    }

    private String button(JdbcConversations.Chat chat, String action, Instant start) {
        String reference = ChatBank.newReference();
        store.insertButton(reference, chat.identityId(), Json.action(action), 0, start);
        return reference;
    }
}
