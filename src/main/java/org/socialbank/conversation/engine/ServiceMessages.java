package org.socialbank.conversation.engine;

import java.util.Optional;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Language;
import org.socialbank.loyalty.PointsRedeemed;
import org.socialbank.shared.MoneyFormat;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer's private chat what a service did after the chat (issue 16): points redeemed
 * on the bank's page. Written to the outbox in the transaction that did it, so once; no private
 * chat (or only a public network's): nothing is written.
 */
@Component
class ServiceMessages {

    private final PaymentAlerts alerts;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;

    ServiceMessages(PaymentAlerts alerts, Outbox outbox, Directory directory, MessageTexts texts) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
    }

    @EventListener
    void on(PointsRedeemed redeemed) {
        Language language = language(redeemed.customerId());
        send(redeemed.customerId(), texts.text(language, "loyalty.chat.redeemed",
                java.text.NumberFormat.getIntegerInstance(language.locale()).format(redeemed.points()),
                MoneyFormat.format(redeemed.amountMinor(), redeemed.currency(), language.locale()),
                redeemed.maskedNumber()));
    }

    /** An application's new status (not "started": the chat got the form's link itself). */
    @EventListener
    void on(org.socialbank.applications.ApplicationStatusChanged changed) {
        if (changed.status() == org.socialbank.applications.ApplicationStatus.STARTED) {
            return;
        }
        Language language = language(changed.customerId());
        send(changed.customerId(), texts.text(language, "applications.chat.changed." + changed.status().wireName(),
                texts.text(language, "applications.product." + changed.product().wireName())));
    }

    private Language language(CustomerId customer) {
        return directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
    }

    private void send(CustomerId customer, String text) {
        Optional<JdbcConversations.Chat> chat = alerts.preferredChat(customer)
                .filter(c -> !PublicNetworks.isPublic(c.channel()));
        chat.ifPresent(c -> outbox.write(c, new Outbound.Text(text)));
    }
}
