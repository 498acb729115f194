package org.socialbank.conversation.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.billing.AccountBillEnded;
import org.socialbank.billing.BillNotPaid;
import org.socialbank.billing.BillPaid;
import org.socialbank.billing.BillReading;
import org.socialbank.billing.CardTransferEnded;
import org.socialbank.billing.IranianBill;
import org.socialbank.billing.PaymentInDoubt;
import org.socialbank.billing.PointsNotUsed;
import org.socialbank.billing.TopUpEnded;
import org.socialbank.billing.TopUpKind;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.engine.BillingReasons.Provider;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer's private chat how a bill payment, a top-up or a card-to-card transfer ended
 * (issue 15), whether it was asked in chat or by the bank's app: a bill's receipt with the biller's
 * trace number, the company and the period (a bill paid by account number: the biller and the
 * account); a top-up charged or a transfer paid with the
 * operator's or switch's trace number (the card named masked, first six and last four, as the
 * event carries it); a PIN voucher bought, whose link follows; or that it did not go through: the
 * money is back when the provider refused it, nothing was taken when it ended before (not confirmed
 * on the page, refused by the ledger). Why is said in the customer's words ({@link BillingReasons}),
 * never as a code. Written to the outbox in the transaction that booked the ending, so once. No
 * private chat: nothing is written.
 */
@Component
class BillingMessages {

    private final PaymentAlerts alerts;
    private final Outbox outbox;
    private final Directory directory;
    private final MessageTexts texts;

    BillingMessages(PaymentAlerts alerts, Outbox outbox, Directory directory, MessageTexts texts) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
    }

    @EventListener
    void on(BillPaid paid) {
        Optional<JdbcConversations.Chat> chat = privateChat(paid.customerId());
        if (chat.isEmpty() || !(IranianBill.read(paid.billId(), paid.paymentId()) instanceof BillReading.Read read)) {
            return;
        }
        Language language = language(paid.customerId());
        IranianBill bill = read.bill();
        String service = Dialogue.billServiceKey(paid.serviceType())
                .map(key -> texts.text(language, key))
                .orElse(paid.serviceType());
        String amount = Dialogue.amountWithToman(texts, language, paid.amountMinor(), CurrencyCode.of(paid.currency()));
        List<String> lines = new java.util.ArrayList<>(List.of(
                texts.text(
                        language,
                        "billing.chat.receipt.bill",
                        service,
                        bill.companyCode(),
                        bill.billId(),
                        bill.paymentId()),
                texts.text(language, "billing.chat.receipt.period", Dialogue.billPeriod(language, bill)),
                texts.text(language, "billing.chat.receipt.amount", amount)));
        pointsLine(language, paid.points(), paid.discountMinor(), paid.currency())
                .ifPresent(lines::add);
        lines.add(texts.text(language, "billing.chat.receipt.trace", paid.traceNumber()));
        outbox.write(
                chat.get(),
                new Outbound.Receipt(texts.text(language, "billing.chat.receipt.title"), List.copyOf(lines)));
    }

    /** Issue 16 s3.7: the receipt's line saying the points used and what they paid; empty without points. */
    private Optional<String> pointsLine(Language language, long points, long discountMinor, String currency) {
        return points <= 0
                ? Optional.empty()
                : Optional.of(texts.text(
                        language,
                        "billing.acct.receipt.points",
                        points,
                        MoneyFormat.format(discountMinor, CurrencyCode.of(currency), language.locale())));
    }

    @EventListener
    void on(BillNotPaid notPaid) {
        Optional<JdbcConversations.Chat> chat = privateChat(notPaid.customerId());
        if (chat.isEmpty()) {
            return;
        }
        Language language = language(notPaid.customerId());
        String amount =
                MoneyFormat.format(notPaid.amountMinor(), CurrencyCode.of(notPaid.currency()), language.locale());
        String code = notPaid.code() == null ? "failed" : notPaid.code();
        String key = code.startsWith("biller_") ? "billing.chat.not_paid.biller" : "billing.chat.not_paid.other";
        outbox.write(
                chat.get(),
                new Outbound.Text(texts.text(
                        language, key, notPaid.billId(), amount, reason(language, notPaid.code(), Provider.BILLER))));
    }

    @EventListener
    void on(TopUpEnded ended) {
        if (ended.completed() && ended.kind() == TopUpKind.VOUCHER) {
            voucherBought(ended);
            return;
        }
        if (ended.completed() && ended.points() > 0) { // issue 16 s3.7: the points it used
            Optional<JdbcConversations.Chat> chat = privateChat(ended.customerId());
            Language language = language(ended.customerId());
            chat.ifPresent(c -> outbox.write(
                    c,
                    new Outbound.Text(texts.text(
                            language,
                            "billing.topup.done_points",
                            Dialogue.amountWithToman(
                                    texts, language, ended.amountMinor(), CurrencyCode.of(ended.currency())),
                            ended.phoneE164(),
                            ended.traceNumber(),
                            pointsLine(language, ended.points(), ended.discountMinor(), ended.currency())
                                    .orElseThrow()))));
            return;
        }
        String key = switch (ended.ending()) {
            case COMPLETED -> "billing.topup.done";
            case FAILED -> "billing.topup.failed";
            case NOT_CONFIRMED -> "billing.topup.not_confirmed";
            case REFUSED -> "billing.topup.refused";
        };
        tell(
                ended.customerId(),
                ended.amountMinor(),
                ended.currency(),
                key,
                ended.phoneE164(),
                traceOrReason(ended.completed(), ended.traceNumber(), ended.code(), Provider.OPERATOR));
    }

    /**
     * Review 2026-12-07 billing follow-up: a PIN voucher charged no number: it is bought, and the
     * link to its PIN ({@code VoucherMessages}) follows; the points it used on a line of their own.
     */
    private void voucherBought(TopUpEnded ended) {
        Optional<JdbcConversations.Chat> chat = privateChat(ended.customerId());
        if (chat.isEmpty()) {
            return;
        }
        Language language = language(ended.customerId());
        String amount =
                Dialogue.amountWithToman(texts, language, ended.amountMinor(), CurrencyCode.of(ended.currency()));
        String bought =
                texts.text(language, "billing.topup.voucher_bought", amount, ended.phoneE164(), ended.traceNumber());
        String text = pointsLine(language, ended.points(), ended.discountMinor(), ended.currency())
                .map(points -> bought + "\n" + points)
                .orElse(bought);
        outbox.write(chat.get(), new Outbound.Text(text));
    }

    /**
     * Issue 16 s3.7: a payment held for the bank's page, on which the customer chose points, was
     * confirmed there with too few points left: the chat says the whole amount comes from the account.
     */
    @EventListener
    void on(PointsNotUsed notUsed) {
        String key = notUsed.kind() == PointsNotUsed.Kind.BILL
                ? "billing.chat.points_not_used"
                : "billing.topup.points_not_used";
        tell(notUsed.customerId(), notUsed.amountMinor(), notUsed.currency(), key, notUsed.payee(), language -> null);
    }

    @EventListener
    void on(CardTransferEnded ended) {
        String card = ended.bank() == null
                ? ended.destinationMasked()
                : ended.destinationMasked() + " (" + ended.bank() + ")";
        String key = switch (ended.ending()) {
            case COMPLETED -> "billing.card.done";
            case FAILED -> "billing.card.failed";
            case NOT_CONFIRMED -> "billing.card.not_confirmed";
            case REFUSED -> "billing.card.refused";
        };
        tell(
                ended.customerId(),
                ended.amountMinor(),
                ended.currency(),
                key,
                card,
                traceOrReason(ended.completed(), ended.traceNumber(), ended.code(), Provider.SWITCH));
    }

    /** Issue 15 s1.13: a bill paid by account number: the receipt with the biller's trace number, or that the money is back. */
    @EventListener
    void on(AccountBillEnded ended) {
        Optional<JdbcConversations.Chat> chat = privateChat(ended.customerId());
        if (chat.isEmpty()) {
            return;
        }
        Language language = language(ended.customerId());
        String biller = ended.billerNames()
                .getOrDefault(
                        language.locale().getLanguage(), ended.billerNames().getOrDefault("en", ended.billerId()));
        String amount = MoneyFormat.format(ended.amountMinor(), CurrencyCode.of(ended.currency()), language.locale());
        if (!ended.completed()) {
            outbox.write(
                    chat.get(),
                    new Outbound.Text(texts.text(
                            language,
                            "billing.acct.not_paid",
                            biller,
                            amount,
                            ended.account(),
                            reason(language, ended.code(), Provider.BILLER))));
            return;
        }
        List<String> lines = new java.util.ArrayList<>(List.of(
                texts.text(language, "billing.acct.receipt.biller", biller, ended.account()),
                texts.text(language, "billing.chat.receipt.amount", amount)));
        pointsLine(language, ended.points(), ended.discountMinor(), ended.currency())
                .ifPresent(lines::add); // s3.7
        lines.add(texts.text(language, "billing.chat.receipt.trace", ended.traceNumber()));
        outbox.write(
                chat.get(),
                new Outbound.Receipt(texts.text(language, "billing.chat.receipt.title"), List.copyOf(lines)));
    }

    /**
     * Review 2026-12-07 money #4: a payment whose provider has not answered for long is still being
     * checked, its money held; or the provider paid it but the money was not taken from the account;
     * or the provider did not pay it but the money had been taken (posted by hand).
     */
    @EventListener
    void on(PaymentInDoubt doubt) {
        String key = switch (doubt.reason()) {
            case STILL_CHECKING -> "billing.in_doubt.still_checking";
            case PAID_NOT_BOOKED -> "billing.in_doubt.paid_not_taken";
            case POSTED_NOT_PAID -> "billing.in_doubt.posted_not_paid";
            case PIN_NOT_GIVEN -> "billing.in_doubt.pin_delayed";
        };
        tell(doubt.customerId(), doubt.amountMinor(), doubt.currency(), key, doubt.payee(), language -> null);
    }

    /** The provider's trace number of a completed payment, or why it did not complete, in the customer's words. */
    private Function<Language, String> traceOrReason(boolean completed, String trace, String code, Provider provider) {
        return completed ? language -> trace : language -> reason(language, code, provider);
    }

    /** Why it did not complete ({@code code}, null: none given), in the customer's words; never the code itself. */
    private String reason(Language language, String code, Provider provider) {
        return texts.text(language, BillingReasons.key(code, provider));
    }

    /** One line to the private chat: {@code key} with the amount, what was paid, and the trace number or reason. */
    private void tell(
            CustomerId customer,
            long amountMinor,
            String currency,
            String key,
            String what,
            Function<Language, String> traceOrReason) {
        Optional<JdbcConversations.Chat> chat = privateChat(customer);
        if (chat.isEmpty()) {
            return;
        }
        Language language = language(customer);
        String amount = Dialogue.amountWithToman(texts, language, amountMinor, CurrencyCode.of(currency));
        outbox.write(
                chat.get(), new Outbound.Text(texts.text(language, key, amount, what, traceOrReason.apply(language))));
    }

    private Optional<JdbcConversations.Chat> privateChat(CustomerId customer) {
        return alerts.preferredChat(customer).filter(c -> !PublicNetworks.isPublic(c.channel()));
    }

    private Language language(CustomerId customer) {
        return directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
    }
}
