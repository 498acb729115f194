package org.socialbank.conversation.engine;

import org.socialbank.alerts.PublicNetworks;
import org.socialbank.billing.VoucherReady;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.directory.Directory;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer's private chat where to read a PIN voucher's PIN (issue 15 s2): the bank's
 * page, once. The PIN is never in the chat. Written to the outbox in the transaction that sealed
 * the PIN, so once.
 */
@Component
class VoucherMessages {

    private final PaymentAlerts alerts;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;

    VoucherMessages(PaymentAlerts alerts, Outbox outbox, Directory directory, MessageTexts texts) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
    }

    @EventListener
    void on(VoucherReady ready) {
        alerts.preferredChat(ready.customerId())
                .filter(c -> !PublicNetworks.isPublic(c.channel()))
                .ifPresent(chat -> {
                    Language language = directory
                            .customer(ready.customerId())
                            .map(v -> v.customer().language())
                            .orElse(Language.EN);
                    String amount = Dialogue.amountWithToman(
                            texts, language, ready.amountMinor(), CurrencyCode.of(ready.currency()));
                    outbox.write(
                            chat,
                            new Outbound.Link(
                                    texts.text(language, "billing.voucher.ready", amount, ready.phoneE164()),
                                    texts.text(language, "billing.voucher.button"),
                                    ready.url()));
                });
    }
}
