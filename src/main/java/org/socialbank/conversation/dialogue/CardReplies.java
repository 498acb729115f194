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
        };
        return List.of(new Outbound.Text(text));
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
                "cards.chat.status.expired");
    }
}
