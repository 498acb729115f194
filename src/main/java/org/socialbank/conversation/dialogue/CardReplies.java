package org.socialbank.conversation.dialogue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.language.CardCommand;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Language;
import org.socialbank.shared.Dates;
import org.socialbank.shared.Money;

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
            default -> {
                // the others answer in one text
            }
        }
        String text = switch (command.kind()) {
            case MY_CARDS -> cards(bank.cards(customer), language);
            case LOCK -> {
                int locked = bank.lockCards(customer);
                yield locked == 0 ? texts.text(language, "cards.chat.lock_none")
                        : texts.text(language, "cards.chat.locked", locked);
            }
            case BILL -> bank.creditCardBill(customer).map(b -> texts.text(language, "cards.chat.bill",
                    b.maskedNumber(), day(b.statementDate(), language),
                    Money.format(b.balanceMinor(), b.currency(), language.locale()),
                    Money.format(b.minimumPaymentMinor(), b.currency(), language.locale()),
                    day(b.dueDate(), language))).orElseGet(() -> texts.text(language, "cards.chat.bill_none"));
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
        return new Outbound.Link(texts.text(language, "cards.chat.repay.confirm",
                Money.format(r.amountMinor(), r.currency(), language.locale()), r.maskedNumber()),
                texts.text(language, "cards.chat.repay.button"), r.url());
    }

    /** Each credit card's limit and what is left of it. */
    private String limits(List<Bank.CardLine> cards, Language language) {
        List<String> lines = cards.stream().filter(Bank.CardLine::credit).map(c -> texts.text(language,
                "cards.chat.limit", c.maskedNumber(), Money.format(c.limitMinor(), c.currency(), language.locale()),
                Money.format(Math.max(0, c.limitMinor() - c.owedMinor()), c.currency(), language.locale())))
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
            text.append('\n').append(c.credit()
                    ? texts.text(language, "cards.chat.line_credit", c.maskedNumber(), status,
                            Money.format(c.owedMinor(), c.currency(), language.locale()),
                            Money.format(c.limitMinor(), c.currency(), language.locale()))
                    : texts.text(language, "cards.chat.line_debit", c.maskedNumber(), status));
        }
        return text.toString();
    }

    /** A calendar day as the reader writes it (noon UTC is the same day in every zone the bank serves). */
    private static String day(LocalDate date, Language language) {
        return Dates.date(date.atTime(12, 0).toInstant(ZoneOffset.UTC), language.locale());
    }

    static List<String> messageKeys() {
        return List.of("cards.chat.none", "cards.chat.title", "cards.chat.line_debit", "cards.chat.line_credit",
                "cards.chat.locked", "cards.chat.lock_none", "cards.chat.bill", "cards.chat.bill_none",
                "cards.chat.status.active", "cards.chat.status.locked", "cards.chat.status.blocked",
                "cards.chat.status.expired", "cards.chat.repay.confirm", "cards.chat.repay.button",
                "cards.chat.repay.no_credit_card", "cards.chat.repay.nothing_due", "cards.chat.repay.exceeds_amount_owed",
                "cards.chat.repay.amount_not_valid", "cards.chat.repay.confirmation_unavailable", "cards.chat.limit");
    }
}
