package org.socialbank.conversation.engine;

import java.util.Optional;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.sweeping.CollectionNotStarted;
import org.socialbank.sweeping.CollectionPartlyStarted;
import org.socialbank.sweeping.CollectionSettled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer's private chat how a collection asked in chat ended (issue 16 s6): the amount
 * that arrived, or why not (over the consent's limit, consent expired, nothing to collect, the
 * other bank failed), or why a collection started no pull at all (the consent withdrawn or no
 * longer valid, or the collection refused), or, when it started from some accounts only, which
 * were not asked and why. Written to the outbox in the transaction that marks
 * the pull told or the request taken, so once. No private chat: nothing is written.
 */
@Component
class CollectionMessages {

    private final PaymentAlerts alerts;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;

    CollectionMessages(PaymentAlerts alerts, Outbox outbox, Directory directory, MessageTexts texts) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
    }

    @EventListener
    void on(CollectionSettled settled) {
        Optional<JdbcConversations.Chat> chat = privateChat(settled.customerId());
        if (chat.isEmpty()) {
            return;
        }
        Language language = language(settled.customerId());
        String text = settled.arrived()
                ? texts.text(
                        language,
                        "sweeping.chat.arrived",
                        MoneyFormat.format(settled.amountMinor(), settled.currency(), language.locale()),
                        settled.bank())
                : texts.text(language, key(settled.reason()), settled.bank());
        outbox.write(chat.get(), new Outbound.Text(text));
    }

    @EventListener
    void on(CollectionNotStarted notStarted) {
        Optional<JdbcConversations.Chat> chat = privateChat(notStarted.customerId());
        if (chat.isEmpty()) {
            return;
        }
        Language language = language(notStarted.customerId());
        String text = notStarted.bank() == null
                ? texts.text(language, "sweeping.chat.not_started.withdrawn_all")
                : texts.text(language, notStartedKey(notStarted.reason()), notStarted.bank());
        outbox.write(chat.get(), new Outbound.Text(text));
    }

    /**
     * Some accounts asked, others not (review 2026-12-07 money follow-up): one answer that names the
     * accounts asked and, a line each, every one not asked and why.
     */
    @EventListener
    void on(CollectionPartlyStarted partly) {
        Optional<JdbcConversations.Chat> chat = privateChat(partly.customerId());
        if (chat.isEmpty()) {
            return;
        }
        Language language = language(partly.customerId());
        StringBuilder text = new StringBuilder(
                texts.text(language, "sweeping.chat.not_started.some", String.join(", ", partly.asked())));
        for (CollectionPartlyStarted.NotAsked account : partly.notAsked()) {
            text.append("\n• ").append(texts.text(language, notStartedKey(account.reason()), account.bank()));
        }
        outbox.write(chat.get(), new Outbound.Text(text.toString()));
    }

    private Optional<JdbcConversations.Chat> privateChat(CustomerId customer) {
        return alerts.preferredChat(customer).filter(c -> !PublicNetworks.isPublic(c.channel()));
    }

    private Language language(CustomerId customer) {
        return directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
    }

    /** Why no pull started: the consent withdrawn or gone, else the refusal's own message. */
    static String notStartedKey(String reason) {
        return switch (reason) {
            case "consent_revoked", "consent_not_found" -> "sweeping.chat.not_started.withdrawn";
            case "id_reused", "customer_not_found", "failed" -> "sweeping.chat.not_started.refused";
            default -> key(reason);
        };
    }

    /** The message for a refusal or failure code; an unknown code is the other bank's failure. */
    static String key(String reason) {
        if (reason == null) {
            return "sweeping.chat.refused.failed";
        }
        return switch (reason) {
            case "over_period_limit", "over_payment_limit", "over_consent_limit" -> "sweeping.chat.refused.limit";
            case "consent_expired" -> "sweeping.chat.refused.expired";
            case "consent_revoked" -> "sweeping.chat.not_started.withdrawn"; // a pull in doubt refused after a revoke
            case "nothing_to_collect", "insufficient_funds" -> "sweeping.chat.refused.nothing";
            default -> "sweeping.chat.refused.failed";
        };
    }
}
