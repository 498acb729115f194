package org.socialbank.conversation.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.billing.AccountBillInquired;
import org.socialbank.billing.BillInquired;
import org.socialbank.billing.CardNumber;
import org.socialbank.billing.CardTransferQuoted;
import org.socialbank.billing.IranianBill;
import org.socialbank.conversation.ConversationProperties;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Dates;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings a provider's answer to a question asked in chat (issue 15) to the customer's private chat
 * in their language, with Confirm and Cancel buttons lasting the engine's button TTL: an Iranian
 * bill with the biller's own name and the masked holder ({@link BillInquired}), a card-to-card with
 * the card masked and its holder ({@link CardTransferQuoted}), a bill paid by account number with
 * what is due ({@link AccountBillInquired}); or, without a question to confirm, why not. Written to
 * the outbox in the transaction that recorded the answer, so once. No private chat: nothing is
 * written. {@link BillingMessages} tells how the payments ended.
 */
@Component
class BillingQuestions {

    /** The actions of the bill dialogue's buttons ({@code BillDialogue}). */
    static final String BILL_PAY = "billing.pay:";

    static final String BILL_CANCEL = "billing.cancel";
    /** The actions of the card-to-card buttons ({@code CardToCardDialogue}). */
    static final String CARD_PAY = "billing.card.pay:";

    static final String CARD_CANCEL = "billing.card.cancel";
    /** The actions of the account bill's buttons ({@code AccountBillDialogue}). */
    static final String ACCOUNT_PAY = "billing.acct.pay:";

    static final String ACCOUNT_CANCEL = "billing.acct.cancel";
    /** Ends the Confirm that takes loyalty points off an account bill (issue 16 s3.7). */
    static final String ACCOUNT_WITH_POINTS = "|points";

    private static final CurrencyCode IRR = CurrencyCode.of("IRR");

    private final PaymentAlerts alerts;
    private final JdbcConversations store;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;
    private final Duration buttonTtl;
    private final Clock clock;
    private final org.socialbank.billing.Bills bills;

    BillingQuestions(
            PaymentAlerts alerts,
            JdbcConversations store,
            Outbox outbox,
            Directory directory,
            MessageTexts texts,
            ConversationProperties properties,
            Clock clock,
            org.socialbank.billing.Bills bills) {
        this.bills = bills;
        this.alerts = alerts;
        this.store = store;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
        this.buttonTtl = properties.buttonTtl();
        this.clock = clock;
    }

    @EventListener
    void on(BillInquired inquired) {
        IranianBill bill = inquired.bill();
        if (inquired.paid()) {
            tell(inquired.customerId(), language -> texts.text(language, "billing.chat.already_paid", bill.billId()));
            return;
        }
        ask(
                inquired.customerId(),
                language -> {
                    String service = Dialogue.billServiceKey(inquired.serviceType())
                            .map(key -> texts.text(language, key))
                            .orElse(inquired.serviceType());
                    String amount = Dialogue.amountWithToman(texts, language, bill.amountRial(), IRR);
                    String period = Dialogue.billPeriod(language, bill);
                    return inquired.billerName() == null
                            ? texts.text(
                                    language,
                                    "billing.chat.confirm",
                                    service,
                                    bill.companyCode(),
                                    bill.billId(),
                                    bill.paymentId(),
                                    period,
                                    amount)
                            : texts.text(
                                    language,
                                    "billing.chat.confirm_biller",
                                    service,
                                    inquired.billerName(),
                                    bill.companyCode(),
                                    inquired.holderMasked(),
                                    bill.billId(),
                                    bill.paymentId(),
                                    period,
                                    amount,
                                    date(inquired.dueDate(), language));
                },
                BILL_PAY + bill.billId() + "|" + bill.paymentId(),
                BILL_CANCEL,
                pointsButton(
                        inquired.customerId(),
                        IRR,
                        bill.amountRial(),
                        BILL_PAY + bill.billId() + "|" + bill.paymentId() + ACCOUNT_WITH_POINTS));
    }

    /** Issue 16 s3.7: the button that takes the customer's points off a bill, when they hold enough. */
    private Optional<Extra> pointsButton(CustomerId customer, CurrencyCode currency, long amountMinor, String action) {
        return bills.pointsOffer(customer, currency, amountMinor)
                .map(offer -> new Extra(
                        language -> texts.text(
                                language,
                                "billing.acct.use_points",
                                offer.points(),
                                MoneyFormat.format(offer.valueMinor(), currency, language.locale())),
                        action));
    }

    @EventListener
    void on(CardTransferQuoted quoted) {
        String card = CardNumber.grouped(quoted.destinationMasked());
        if (!quoted.known()) {
            tell(quoted.customerId(), language -> texts.text(language, "billing.c2c.unknown_card", card));
            return;
        }
        ask(
                quoted.customerId(),
                language -> {
                    String amount = Dialogue.amountWithToman(
                            texts, language, quoted.amountMinor(), CurrencyCode.of(quoted.currency()));
                    String bank =
                            quoted.bank() != null ? quoted.bank() : texts.text(language, "billing.c2c.bank_unknown");
                    return texts.text(
                            language,
                            "billing.c2c.confirm",
                            amount,
                            card,
                            quoted.holderMasked(),
                            bank,
                            quoted.sourceCardMasked() == null ? "" : CardNumber.grouped(quoted.sourceCardMasked()));
                },
                CARD_PAY + quoted.quoteId(),
                CARD_CANCEL);
    }

    /** Issue 15 s1.13: what the biller says is due on the customer's account, or why nothing can be paid. */
    @EventListener
    void on(AccountBillInquired inquired) {
        if (!inquired.due()) {
            String key = switch (inquired.code()) {
                case "unknown_account", "nothing_due" -> "billing.acct.not_due." + inquired.code();
                default -> "billing.acct.not_due.other";
            };
            tell(
                    inquired.customerId(),
                    language -> texts.text(
                            language, key, billerName(inquired, language), inquired.account(), inquired.code()));
            return;
        }
        CurrencyCode currency = CurrencyCode.of(inquired.currency());
        Optional<Extra> points = inquired.pointsOffered() <= 0
                ? Optional.empty()
                : Optional.of(new Extra(
                        language -> texts.text(
                                language,
                                "billing.acct.use_points",
                                inquired.pointsOffered(),
                                MoneyFormat.format(inquired.pointsValueMinor(), currency, language.locale())),
                        ACCOUNT_PAY + inquired.inquiryId() + ACCOUNT_WITH_POINTS));
        ask(
                inquired.customerId(),
                language -> texts.text(
                        language,
                        "billing.acct.confirm",
                        billerName(inquired, language),
                        inquired.account(),
                        inquired.holderMasked(),
                        MoneyFormat.format(inquired.amountMinor(), currency, language.locale()),
                        date(inquired.dueDate(), language)),
                ACCOUNT_PAY + inquired.inquiryId(),
                ACCOUNT_CANCEL,
                points);
    }

    /** A button between Confirm and Cancel: its label in the reader's language, and its action. */
    private record Extra(Function<Language, String> label, String action) {}

    private static String billerName(AccountBillInquired inquired, Language language) {
        return inquired.billerNames()
                .getOrDefault(
                        language.locale().getLanguage(),
                        inquired.billerNames().getOrDefault("en", inquired.billerId()));
    }

    /** The question in the customer's language with Confirm ({@code pay}) and Cancel. */
    private void ask(CustomerId customer, Function<Language, String> question, String pay, String cancel) {
        ask(customer, question, pay, cancel, Optional.empty());
    }

    private void ask(
            CustomerId customer,
            Function<Language, String> question,
            String pay,
            String cancel,
            Optional<Extra> extra) {
        privateChat(customer).ifPresent(chat -> {
            Language language = language(customer);
            Instant expires = clock.instant().plus(buttonTtl);
            List<Outbound.Button> buttons = new java.util.ArrayList<>(List.of(new Outbound.Button(
                    texts.text(language, "conversation.pay.confirm_button"), button(store, chat, pay, expires))));
            extra.ifPresent(e -> buttons.add(
                    new Outbound.Button(e.label().apply(language), button(store, chat, e.action(), expires))));
            buttons.add(new Outbound.Button(
                    texts.text(language, "conversation.pay.cancel_button"), button(store, chat, cancel, expires)));
            outbox.write(chat, new Outbound.Buttons(question.apply(language), List.copyOf(buttons)));
        });
    }

    private void tell(CustomerId customer, Function<Language, String> text) {
        privateChat(customer).ifPresent(chat -> outbox.write(chat, new Outbound.Text(text.apply(language(customer)))));
    }

    private Optional<JdbcConversations.Chat> privateChat(CustomerId customer) {
        return alerts.preferredChat(customer).filter(c -> !PublicNetworks.isPublic(c.channel()));
    }

    private Language language(CustomerId customer) {
        return directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
    }

    private static String date(LocalDate date, Language language) {
        return Dates.date(date.atTime(12, 0).toInstant(ZoneOffset.UTC), language.locale());
    }

    /** A button under a message the bank writes on its own (no form behind it), valid until {@code expires}. */
    static String button(JdbcConversations store, JdbcConversations.Chat chat, String action, Instant expires) {
        String reference = ChatBank.newReference();
        store.insertButton(reference, chat.identityId(), Json.action(action), 0, expires);
        return reference;
    }
}
