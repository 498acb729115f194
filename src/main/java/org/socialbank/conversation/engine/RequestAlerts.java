package org.socialbank.conversation.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.payments.requests.MoneyRequest;
import org.socialbank.payments.requests.MoneyRequested;
import org.socialbank.payments.requests.RequestDeclined;
import org.socialbank.payments.requests.RequestExpired;
import org.socialbank.payments.requests.RequestId;
import org.socialbank.payments.requests.RequestPaid;
import org.socialbank.payments.requests.RequestReminderDue;
import org.socialbank.payments.requests.Requests;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about money requests in their chats: the person asked gets the request (and its
 * reminders) with Pay and Decline buttons valid as long as the request is; the requester hears
 * when it is declined, expires, or is paid by a bank transfer (a payment in chat is announced by
 * {@link PaymentAlerts}). The holder of a handle that is no customer's gets the pay link, without
 * the amount or the requester's name. Listeners run in the transaction that changed the request.
 */
@Component
class RequestAlerts {

    private final PaymentAlerts alerts;
    private final JdbcConversations store;
    private final Outbox outbox;
    private final Requests requests;
    private final Directory directory;
    private final MessageTexts texts;
    private final Clock clock;

    RequestAlerts(
            PaymentAlerts alerts,
            JdbcConversations store,
            Outbox outbox,
            Requests requests,
            Directory directory,
            MessageTexts texts,
            Clock clock) {
        this.alerts = alerts;
        this.store = store;
        this.outbox = outbox;
        this.requests = requests;
        this.directory = directory;
        this.texts = texts;
        this.clock = clock;
    }

    @EventListener
    void on(MoneyRequested event) {
        ask(
                event.requestId(),
                event.requesterCustomerId(),
                event.payerCustomerId(),
                event.payer(),
                event.requesterMaskedName(),
                event.amountMinor(),
                event.currency(),
                event.payUrl(),
                "conversation.request.received");
    }

    @EventListener
    void on(RequestReminderDue event) {
        ask(
                event.requestId(),
                event.requesterCustomerId(),
                event.payerCustomerId(),
                event.payer(),
                event.requesterMaskedName(),
                event.amountMinor(),
                event.currency(),
                event.payUrl(),
                "conversation.request.reminder");
    }

    @EventListener
    void on(RequestDeclined event) {
        tell(
                event.requesterCustomerId(),
                "conversation.request.was_declined",
                event.payer().display(),
                event.amountMinor(),
                event.currency());
    }

    /** Issue 13: the person asked hears that the request was withdrawn, and its buttons say it is closed. */
    @EventListener
    void on(org.socialbank.payments.requests.RequestCancelled event) {
        if (event.payerCustomerId() != null) {
            String requester = requests.request(event.requestId())
                    .map(MoneyRequest::requesterMaskedName)
                    .orElse("");
            tell(
                    event.payerCustomerId(),
                    "conversation.request.was_cancelled",
                    requester,
                    event.amountMinor(),
                    event.currency());
        }
    }

    @EventListener
    void on(RequestExpired event) {
        tell(
                event.requesterCustomerId(),
                "conversation.request.expired",
                event.payer().display(),
                event.amountMinor(),
                event.currency());
    }

    @EventListener
    void on(RequestPaid event) {
        if (event.paymentId() == null) { // paid by a bank transfer with the request's reference
            tell(
                    event.requesterCustomerId(),
                    "conversation.request.paid_by_transfer",
                    "",
                    event.amountMinor(),
                    event.currency());
        }
    }

    private void ask(
            RequestId id,
            CustomerId requesterId,
            CustomerId payer,
            org.socialbank.directory.Alias alias,
            String requester,
            long amountMinor,
            CurrencyCode currency,
            String payUrl,
            String key) {
        if (payer == null) { // in the requester's language: the holder of the handle is unknown to the bank
            Language guess = language(requesterId);
            alerts.claimChat(alias)
                    .ifPresent(identity -> outbox.write(
                            new JdbcConversations.Chat(identity.id(), identity.channel(), identity.externalId()),
                            new Outbound.Link(
                                    texts.text(guess, "conversation.request.link_notice"),
                                    texts.text(guess, "conversation.request.link_button"),
                                    payUrl)));
            return;
        }
        Optional<JdbcConversations.Chat> chat = alerts.preferredChat(payer);
        if (chat.isEmpty()) {
            return; // no chat: the request waits in the bank's apps
        }
        Language language = language(payer);
        Optional<MoneyRequest> request = requests.request(id);
        Instant expires = request.map(MoneyRequest::expiresAt).orElse(clock.instant());
        String money = MoneyFormat.format(amountMinor, currency, language.locale());
        // issue 13: what it is for ("pizza"), as the requester wrote it
        String note = request.map(MoneyRequest::note)
                .map(n -> "\n" + texts.text(language, "conversation.request.note_line", n))
                .orElse("");
        String pay = button(chat.get(), Bank.PAY_REQUEST + id.value(), expires);
        String decline = button(chat.get(), Bank.DECLINE_REQUEST + id.value(), expires);
        outbox.write(
                chat.get(),
                new Outbound.Buttons(
                        texts.text(language, key, requester, money) + note,
                        List.of(
                                new Outbound.Button(
                                        texts.text(language, "conversation.request.pay_button", money), pay),
                                new Outbound.Button(
                                        texts.text(language, "conversation.request.decline_button"), decline))));
    }

    private String button(JdbcConversations.Chat chat, String action, Instant expires) {
        String reference = ChatBank.newReference();
        store.insertButton(reference, chat.identityId(), Json.action(action), 0, expires);
        return reference;
    }

    private void tell(CustomerId customer, String key, String who, long amountMinor, CurrencyCode currency) {
        Language language = language(customer);
        alerts.preferredChat(customer)
                .ifPresent(chat -> outbox.write(
                        chat,
                        new Outbound.Text(texts.text(
                                language, key, who, MoneyFormat.format(amountMinor, currency, language.locale())))));
    }

    private Language language(CustomerId customer) {
        return directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
    }
}
