package org.socialbank.conversation.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.conversation.ConversationProperties;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.RefusalReasons;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.MaskedName;
import org.socialbank.payments.HeldPaymentNotPaid;
import org.socialbank.payments.HeldReturnSettled;
import org.socialbank.payments.PaymentClaimed;
import org.socialbank.payments.PaymentCompleted;
import org.socialbank.payments.PaymentEscrowed;
import org.socialbank.payments.PaymentReturnHeld;
import org.socialbank.payments.PaymentReturned;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.payments.Payments;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.shared.Network;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about payments in their chats, free, instead of by SMS: the payee that money
 * arrived, a non-customer where to claim it, the payer that a held, claimed or returned payment
 * moved on. Plain {@link EventListener}s run in the transaction that moved the money, so an alert
 * is in the outbox if and only if the payment's new state committed. Each goes to the customer's
 * most recently active reachable chat (their preferred one in practice).
 */
@Component
public class PaymentAlerts {

    private static final int CHATS_SCANNED_MAX = 10;

    private final JdbcConversations store;
    private final Outbox outbox;
    private final ChannelIdentities identities;
    private final Directory directory;
    private final MessageTexts texts;
    private final Clock clock;
    private final org.socialbank.ledger.Ledger ledger;
    private final ConversationProperties properties;

    PaymentAlerts(
            JdbcConversations store,
            Outbox outbox,
            ChannelIdentities identities,
            Directory directory,
            MessageTexts texts,
            Clock clock,
            org.socialbank.ledger.Ledger ledger,
            ConversationProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
        this.store = store;
        this.outbox = outbox;
        this.identities = identities;
        this.directory = directory;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * The chat account through which the holder of a handle can be reached, if they ever wrote to
     * the bank and no other account reported the same handle. Never on a network whose claims are
     * bound to an account id (X): there a handle a message reported proves nothing (security review #1).
     */
    Optional<ChannelIdentity> claimChat(Alias payee) {
        return payee.type() == AliasType.HANDLE && payee.network() != null && !Payments.claimsBoundToAccountId(payee)
                ? identities.reachableByHandle(payee.network(), payee.value())
                : Optional.empty();
    }

    /** Where a payment's claim link goes: the account its network resolved (X), else as {@link #claimChat(Alias)}. */
    Optional<ChannelIdentity> claimChat(PaymentEscrowed event) {
        if (event.routedByAccountId()) {
            return event.payeeAccountId() == null
                    ? Optional.empty()
                    : identities.reachable(event.payee().network(), event.payeeAccountId());
        }
        return claimChat(event.payee());
    }

    @EventListener
    void on(PaymentCompleted event) {
        if (event.payeeCustomerId() != null) {
            store.paid(event.payerCustomerId(), event.payeeCustomerId(), clock.instant());
            alert(
                    event.payeeCustomerId(),
                    (language, chat) -> texts.text(
                            language,
                            "conversation.alert.received",
                            maskedName(event.payerCustomerId()),
                            amount(event.amountMinor(), event.currency(), language)));
        }
        if (!event.answeredInChat()) { // a payment ordered in a chat is told in its reply
            String payee = event.payeeCustomerId() == null ? "" : maskedName(event.payeeCustomerId());
            receipt(
                    event.payerCustomerId(),
                    event.paymentId(),
                    event.currency(),
                    language -> texts.text(
                            language,
                            "conversation.alert.completed",
                            amount(event.amountMinor(), event.currency(), language),
                            payee));
        }
    }

    @EventListener
    void on(PaymentEscrowed event) {
        // the holder of the handle is not known to be its owner yet: no amount, no payer's name
        Optional<ChannelIdentity> claimChat = claimChat(event);
        claimChat.ifPresent(identity -> {
            Language language = directory
                    .find(event.payerCustomerId())
                    .map(org.socialbank.directory.Customer::language)
                    .orElse(Language.EN);
            outbox.write(
                    new JdbcConversations.Chat(identity.id(), identity.channel(), identity.externalId()),
                    new Outbound.Link(
                            texts.text(language, "conversation.alert.claim"),
                            texts.text(language, "conversation.pay.claim_link_button"),
                            event.claimUrl()));
        });
        if (!event.answeredInChat()) { // escrowed after the step-up page, say
            Language language = directory
                    .find(event.payerCustomerId())
                    .map(org.socialbank.directory.Customer::language)
                    .orElse(Language.EN);
            String amount = amount(event.amountMinor(), event.currency(), language);
            String until = time(event.payerCustomerId(), language).date(event.claimExpiresAt());
            preferredChat(event.payerCustomerId())
                    .ifPresent(chat -> outbox.write(
                            chat,
                            claimChat.isPresent()
                                    ? new Outbound.Text(texts.text(
                                            language,
                                            "conversation.pay.awaiting_claim_told",
                                            amount,
                                            event.payee().display(),
                                            until))
                                    : new Outbound.Link(
                                            texts.text(
                                                    language,
                                                    "conversation.pay.awaiting_claim_forward",
                                                    amount,
                                                    event.payee().display(),
                                                    until),
                                            texts.text(language, "conversation.pay.share_link_button"),
                                            event.claimUrl())));
        }
    }

    @EventListener
    void on(PaymentClaimed event) {
        receipt(
                event.payerCustomerId(),
                event.paymentId(),
                event.currency(),
                language -> texts.text(
                        language,
                        "conversation.alert.claimed",
                        amount(event.amountMinor(), event.currency(), language)));
    }

    @EventListener
    void on(PaymentReturned event) {
        String reason = switch (event.reason()) {
            case "cancelled" -> "conversation.alert.returned.cancelled";
            case "payout_failed" -> "conversation.alert.returned.payout_failed";
            default -> "conversation.alert.returned.expired";
        };
        alert(
                event.payerCustomerId(),
                (language, chat) ->
                        texts.text(language, reason, amount(event.amountMinor(), event.currency(), language)));
    }

    /**
     * A claim's payout was refused by the payee's bank and the payer's account refused the money
     * back: the bank holds it, and the payer hears so (review 2026-12-07 money #7). When it goes
     * back later, {@link PaymentReturned} tells her again.
     */
    @EventListener
    void on(PaymentReturnHeld event) {
        alert(
                event.payerCustomerId(),
                (language, chat) -> texts.text(
                        language,
                        "conversation.alert.return_held",
                        amount(event.amountMinor(), event.currency(), language)));
    }

    /**
     * Operations settled her held return by hand onto another of her accounts (review 2026-12-07
     * money follow-up): the payer hears where the money is, by the account's last four characters only.
     */
    @EventListener
    void on(HeldReturnSettled event) {
        alert(
                event.payerCustomerId(),
                (language, chat) -> texts.text(
                        language,
                        "conversation.alert.returned.settled_by_hand",
                        amount(event.amountMinor(), event.currency(), language),
                        event.accountEnding()));
    }

    /**
     * A held payment ended without paying: the payer hears how (ran out of time, too many wrong
     * codes, cancelled on the page, changed) or, when the right code was typed but the payment was
     * refused, why. Exactly once: the payment leaves AWAITING_CONFIRMATION once.
     */
    @EventListener
    void on(HeldPaymentNotPaid event) {
        alert(event.payerCustomerId(), (language, chat) -> {
            String amount = amount(event.amountMinor(), event.currency(), language);
            if (event.status() == PaymentStatus.REJECTED && event.availableMinor() != null) {
                return texts.text(
                        language,
                        "conversation.alert.held.refused_funds",
                        amount,
                        event.payee(),
                        amount(event.availableMinor(), event.currency(), language));
            }
            if (event.status() == PaymentStatus.REJECTED) {
                return texts.text(
                        language,
                        "conversation.alert.held.refused",
                        amount,
                        event.payee(),
                        event.rejection()
                                .map(RefusalReasons::of)
                                .orElseGet(() -> RefusalReasons.of(event.reason()))
                                .sentence(texts, language));
            }
            return texts.text(language, heldEndKey(event.reason()), amount, event.payee());
        });
    }

    static String heldEndKey(String reason) {
        return switch (reason) {
            case "too_many_attempts" -> "conversation.alert.held.too_many_attempts";
            case "cancelled" -> "conversation.alert.held.cancelled";
            case "confirmation_mismatch" -> "conversation.alert.held.confirmation_mismatch";
            default -> "conversation.alert.held.expired";
        };
    }

    private interface Sentence {
        String in(Language language, JdbcConversations.Chat chat);
    }

    /**
     * Issue 13: a payment that completed away from the chat's answer (after the step-up page, or
     * claimed by its payee) is told as a receipt like the one the Confirm button gives: the sentence
     * as its title, then when, the reference and what the payer can spend now.
     */
    private void receipt(
            CustomerId payer,
            org.socialbank.payments.PaymentId payment,
            CurrencyCode currency,
            java.util.function.Function<Language, String> title) {
        Language language = directory
                .find(payer)
                .map(org.socialbank.directory.Customer::language)
                .orElse(Language.EN);
        preferredChat(payer).ifPresent(chat -> {
            java.util.List<String> lines = new java.util.ArrayList<>();
            lines.add(texts.text(
                    language, "conversation.receipt.date", time(payer, language).dateTime(clock.instant())));
            lines.add(texts.text(
                    language, "conversation.receipt.reference", payment.value().toString()));
            directory
                    .primaryAccount(payer, currency.code())
                    .flatMap(ledger::account)
                    .ifPresent(a -> lines.add(texts.text(
                            language, "conversation.receipt.balance", amount(a.availableMinor(), currency, language))));
            outbox.write(chat, new Outbound.Receipt(title.apply(language), lines));
        });
    }

    /** Issue 13: the customer's dates in her own zone (her setting, else her language's). */
    private org.socialbank.shared.CustomerTime time(CustomerId customer, Language language) {
        return org.socialbank.shared.CustomerTime.of(
                language.locale(),
                directory
                        .settings(customer)
                        .map(org.socialbank.directory.CustomerSettings::chosenZone)
                        .orElse(null));
    }

    private void alert(CustomerId customer, Sentence sentence) {
        Optional<Language> language = directory.find(customer).map(org.socialbank.directory.Customer::language);
        preferredChat(customer)
                .ifPresent(chat ->
                        outbox.write(chat, new Outbound.Text(sentence.in(language.orElse(Language.EN), chat))));
    }

    /**
     * The customer's most recently active reachable chat; a web chat only while she wrote there
     * within {@code webchat-active-window} (review 2026-12-07): its tab may be closed while it stays
     * linked up to the session's idle timeout, and when the session ends its messages move where no
     * cookie reads them, so a request's Pay button or a held payment's outcome would be lost there.
     * An idle web chat is still used when no other chat of hers can take the message.
     */
    Optional<JdbcConversations.Chat> preferredChat(CustomerId customer) {
        List<JdbcConversations.Active> reachable = store.chatsByActivity(customer, CHATS_SCANNED_MAX).stream()
                .filter(active -> identities
                        .identity(active.chat().identityId())
                        .filter(i -> i.reachable()
                                && i.customer().filter(customer::equals).isPresent())
                        .isPresent())
                .toList();
        Instant since = clock.instant().minus(properties.webchatActiveWindow());
        return reachable.stream()
                .filter(active -> active.chat().channel() != Network.WEBCHAT
                        || !active.at().isBefore(since))
                .findFirst()
                .or(() -> reachable.stream().findFirst())
                .map(JdbcConversations.Active::chat);
    }

    String maskedName(CustomerId customer) {
        return directory.find(customer).map(c -> MaskedName.of(c.displayName())).orElse("—");
    }

    private static String amount(long minor, CurrencyCode currency, Language language) {
        return MoneyFormat.format(minor, currency, language.locale());
    }
}
