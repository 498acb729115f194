package org.socialbank.conversation.dialogue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.language.CardCommand;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Dates;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;

/**
 * The answers to the card commands (issue 16), for a linked chat only (they are private): the
 * customer's cards, numbers masked; "lock my card", at once; the credit card's latest bill.
 */
final class CardReplies {

    private final Texts texts;

    CardReplies(Texts texts) {
        this.texts = texts;
    }

    List<Outbound> answer(Bank bank, CustomerId customer, CardCommand command, Language language) {
        switch (command.kind()) {
            case REPAY_FULL, REPAY_MINIMUM, REPAY_AMOUNT -> {
                return List.of(repay(bank.repayCard(customer, command), language));
            }
            case UNLOCK -> {
                return List.of(unlock(bank.unlockCard(customer), language));
            }
            case AUTO_REPAY_FULL, AUTO_REPAY_MINIMUM, AUTO_REPAY_OFF -> {
                String mode =
                        command.kind().name().substring("AUTO_REPAY_".length()).toLowerCase(java.util.Locale.ROOT);
                return List.of(new Outbound.Text(autoRepay(bank.setAutoRepayment(customer, mode), language)));
            }
            default -> {
                // the others answer in one text
            }
        }
        String text = switch (command.kind()) {
            case MY_CARDS -> cards(bank.cards(customer), language);
            case LOCK -> {
                int locked = bank.lockCards(customer);
                yield locked == 0
                        ? texts.text(language, "cards.chat.lock_none")
                        : texts.text(language, "cards.chat.locked", locked);
            }
            case BILL ->
                bank.creditCardBill(customer)
                        .map(b -> texts.text(
                                language,
                                "cards.chat.bill",
                                b.maskedNumber(),
                                day(b.statementDate(), language),
                                MoneyFormat.format(b.balanceMinor(), b.currency(), language.locale()),
                                MoneyFormat.format(b.minimumPaymentMinor(), b.currency(), language.locale()),
                                day(b.dueDate(), language)))
                        .orElseGet(() -> texts.text(language, "cards.chat.bill_none"));
            case LIMIT -> limits(bank.cards(customer), language);
            default -> throw new IllegalStateException("answered above");
        };
        return List.of(new Outbound.Text(text));
    }

    /** A repayment is confirmed on the bank's page: the link, or why there is nothing to confirm. */
    private Outbound repay(Bank.CardRepayment r, Language language) {
        if (r.url() == null) {
            return new Outbound.Text(texts.text(language, "cards.chat.repay." + r.refusal()));
        }
        return new Outbound.Link(
                texts.text(
                        language,
                        "cards.chat.repay.confirm",
                        MoneyFormat.format(r.amountMinor(), r.currency(), language.locale()),
                        r.maskedNumber()),
                texts.text(language, "cards.chat.repay.button"),
                r.url());
    }

    /** Unlocking is confirmed on the bank's page: the link, or why there is nothing to confirm. */
    private Outbound unlock(Bank.CardUnlock u, Language language) {
        if (u.url() == null) {
            String key = "none_locked".equals(u.refusal())
                    ? "cards.chat.unlock.none"
                    : "cards.chat.unlock.confirmation_unavailable";
            return new Outbound.Text(texts.text(language, key));
        }
        return new Outbound.Link(
                texts.text(language, "cards.chat.unlock.confirm", u.maskedNumber()),
                texts.text(language, "cards.chat.unlock.button"),
                u.url());
    }

    private String autoRepay(Bank.AutoRepaySetting s, Language language) {
        if (s.refusal() == null) {
            return texts.text(language, "cards.chat.auto." + s.mode(), s.maskedNumber());
        }
        return switch (s.refusal()) {
            case "no_credit_card" -> texts.text(language, "cards.chat.repay.no_credit_card");
            case "no_debit_account" -> texts.text(language, "cards.chat.auto.no_debit_account");
            default -> texts.text(language, "cards.chat.auto.unavailable");
        };
    }

    /** Each credit card's limit and what is left of it. */
    private String limits(List<Bank.CardLine> cards, Language language) {
        List<String> lines = cards.stream()
                .filter(Bank.CardLine::credit)
                .map(c -> texts.text(
                        language,
                        "cards.chat.limit",
                        c.maskedNumber(),
                        MoneyFormat.format(c.limitMinor(), c.currency(), language.locale()),
                        MoneyFormat.format(
                                Math.max(0, c.limitMinor() - c.owedMinor()), c.currency(), language.locale())))
                .toList();
        return lines.isEmpty() ? texts.text(language, "cards.chat.repay.no_credit_card") : String.join("\n", lines);
    }

    private String cards(List<Bank.CardLine> cards, Language language) {
        if (cards.isEmpty()) {
            return texts.text(language, "cards.chat.none");
        }
        StringBuilder text = new StringBuilder(texts.text(language, "cards.chat.title"));
        for (Bank.CardLine c : cards) {
            String status = texts.text(language, "cards.chat.status." + c.status());
            text.append('\n')
                    .append(
                            c.credit()
                                    ? texts.text(
                                            language,
                                            // a refund beyond what it owed leaves a card in credit
                                            c.owedMinor() < 0
                                                    ? "cards.chat.line_credit_in_credit"
                                                    : "cards.chat.line_credit",
                                            c.maskedNumber(),
                                            status,
                                            MoneyFormat.format(
                                                    Math.abs(c.owedMinor()), c.currency(), language.locale()),
                                            MoneyFormat.format(c.limitMinor(), c.currency(), language.locale()))
                                    : texts.text(language, "cards.chat.line_debit", c.maskedNumber(), status));
        }
        return text.toString();
    }

    /** A calendar day as the reader writes it (noon UTC is the same day in every zone the bank serves). */
    private static String day(LocalDate date, Language language) {
        return Dates.date(date.atTime(12, 0).toInstant(ZoneOffset.UTC), language.locale());
    }

    static List<String> messageKeys() {
        return List.of(
                "cards.chat.none",
                "cards.chat.title",
                "cards.chat.line_debit",
                "cards.chat.line_credit",
                "cards.chat.line_credit_in_credit",
                "cards.chat.locked",
                "cards.chat.lock_none",
                "cards.chat.bill",
                "cards.chat.bill_none",
                "cards.chat.status.active",
                "cards.chat.status.locked",
                "cards.chat.status.blocked",
                "cards.chat.status.expired",
                "cards.chat.repay.confirm",
                "cards.chat.repay.button",
                "cards.chat.repay.no_credit_card",
                "cards.chat.repay.nothing_due",
                "cards.chat.repay.exceeds_amount_owed",
                "cards.chat.repay.amount_not_valid",
                "cards.chat.repay.confirmation_unavailable",
                "cards.chat.limit",
                "cards.chat.auto.full",
                "cards.chat.auto.minimum",
                "cards.chat.auto.off",
                "cards.chat.auto.no_debit_account",
                "cards.chat.auto.unavailable",
                "cards.reminder.due_soon",
                "cards.reminder.due_soon_auto_full",
                "cards.reminder.due_soon_auto_minimum",
                "cards.reminder.auto_repaid",
                "cards.reminder.auto_short",
                "cards.reminder.auto_failed",
                "cards.reminder.overdue",
                "cards.chat.unlock.confirm",
                "cards.chat.unlock.button",
                "cards.chat.unlock.none",
                "cards.chat.unlock.confirmation_unavailable",
                "cards.chat.unlocked",
                "cards.chat.repay.not_made.insufficient_funds",
                "cards.chat.repay.not_made.owed",
                "cards.chat.repay.not_made.nothing_owed",
                "cards.chat.repay.not_made.other",
                "cards.chat.repay.not_confirmed.expired",
                "cards.chat.repay.not_confirmed.too_many_attempts",
                "cards.chat.repay.not_confirmed.cancelled",
                "cards.unlock.label");
    }
}
