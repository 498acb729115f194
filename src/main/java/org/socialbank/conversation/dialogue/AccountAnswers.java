package org.socialbank.conversation.dialogue;

import java.time.Instant;
import java.util.List;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.conversation.language.ParsedCommand;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;

/**
 * Private facts about the customer's money (issue 13): "my account number", "my limits" (each
 * limit of the payment policy and what is left of it today), "spending this month" (money out of
 * the primary accounts since the 1st, by counterparty). The engine sends them to the private chat
 * only: they are never shown in a group or on a public timeline.
 */
final class AccountAnswers {

    /** Counterparties one "spending" names per currency; the rest is summed as "others". */
    static final int SPENDING_LINES_MAX = 8;

    private final Texts texts;

    AccountAnswers(Texts texts) {
        this.texts = texts;
    }

    Step accountNumbers(Turn turn, Language language, CustomerId customer) {
        List<Bank.AccountNumber> numbers = turn.bank().accountNumbers(customer);
        if (numbers.isEmpty()) {
            return say(turn.state(), language, "conversation.balance.none");
        }
        StringBuilder text = new StringBuilder(texts.text(language, "conversation.account.title"));
        for (Bank.AccountNumber n : numbers) {
            text.append('\n')
                    .append(texts.text(
                            language, "conversation.account.line", n.currency().code(), n.number()));
        }
        text.append("\n\n").append(texts.text(language, "conversation.account.no_iban"));
        return new Step(turn.state(), List.of(new Outbound.Text(text.toString())), language);
    }

    /** The limits in the currency the text names, else in each currency the customer holds. */
    Step limits(Turn turn, Language language, CustomerId customer, ParsedCommand command) {
        List<CurrencyCode> currencies = command.currency()
                .map(List::of)
                .orElseGet(() -> turn.bank().balances(customer).stream()
                        .map(Bank.Balance::currency)
                        .distinct()
                        .toList());
        StringBuilder text = new StringBuilder();
        for (CurrencyCode currency : currencies) {
            List<Bank.Limit> limits = turn.bank().limits(customer, currency);
            if (limits.isEmpty()) {
                continue;
            }
            text.append(text.length() == 0 ? "" : "\n\n")
                    .append(texts.text(language, "conversation.limits.title", currency.code()));
            for (Bank.Limit limit : limits) {
                text.append('\n').append(limitLine(limit, language, turn.time(language)));
            }
        }
        if (text.length() == 0) {
            return say(turn.state(), language, "conversation.limits.none");
        }
        return new Step(turn.state(), List.of(new Outbound.Text(text.toString())), language);
    }

    private String limitLine(Bank.Limit limit, Language language, org.socialbank.shared.CustomerTime time) {
        String max = MoneyFormat.format(limit.limitMinor(), limit.currency(), language.locale());
        if (limit.resetsAt() == null) {
            return texts.text(language, "conversation.limits." + limit.rule(), max);
        }
        return texts.text(
                language,
                "conversation.limits." + limit.rule(),
                MoneyFormat.format(limit.remainingMinor(), limit.currency(), language.locale()),
                max,
                time.dateTime(limit.resetsAt()));
    }

    /** Money out since the month began, in the customer's calendar and zone. */
    Step spending(Turn turn, Language language, CustomerId customer) {
        org.socialbank.shared.CustomerTime time = turn.time(language);
        Instant from = time.monthStart(turn.bank().now());
        List<Bank.Spent> spent = turn.bank().spending(customer, from);
        String since = time.date(from);
        if (spent.isEmpty()) {
            return say(turn.state(), language, "conversation.spending.none", since);
        }
        StringBuilder text = new StringBuilder(texts.text(language, "conversation.spending.title", since));
        for (CurrencyCode currency :
                spent.stream().map(Bank.Spent::currency).distinct().toList()) {
            List<Bank.Spent> lines =
                    spent.stream().filter(s -> s.currency().equals(currency)).toList();
            long total = 0;
            long others = 0;
            for (int i = 0; i < lines.size(); i++) {
                Bank.Spent s = lines.get(i);
                total = Math.addExact(total, s.amountMinor());
                if (i < SPENDING_LINES_MAX) {
                    text.append('\n')
                            .append(texts.text(
                                    language,
                                    "conversation.spending.line",
                                    MoneyFormat.format(s.amountMinor(), currency, language.locale()),
                                    who(s.counterparty(), language),
                                    s.payments()));
                } else {
                    others = Math.addExact(others, s.amountMinor());
                }
            }
            if (others > 0) {
                text.append('\n')
                        .append(texts.text(
                                language,
                                "conversation.spending.others",
                                MoneyFormat.format(others, currency, language.locale())));
            }
            text.append('\n')
                    .append(texts.text(
                            language,
                            "conversation.spending.total",
                            MoneyFormat.format(total, currency, language.locale())));
        }
        return new Step(turn.state(), List.of(new Outbound.Text(text.toString())), language);
    }

    /** A counterparty as the history names it. */
    private String who(String counterparty, Language language) {
        return counterparty == null
                ? "—"
                : counterparty.equals("bank:interbank_settlement")
                        ? texts.text(language, "alerts.counterparty.external")
                        : counterparty.startsWith("bank:")
                                ? texts.text(language, "alerts.counterparty.bank")
                                : counterparty;
    }

    private Step say(DialogueState state, Language language, String key, Object... args) {
        return new Step(state, List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        return List.of(
                "conversation.account.title",
                "conversation.account.line",
                "conversation.account.no_iban",
                "conversation.limits.title",
                "conversation.limits.none",
                "conversation.limits.transaction_limit",
                "conversation.limits.channel_transaction_limit",
                "conversation.limits.daily_limit",
                "conversation.limits.channel_daily_limit",
                "conversation.limits.monthly_limit",
                "conversation.spending.none",
                "conversation.spending.title",
                "conversation.spending.line",
                "conversation.spending.others",
                "conversation.spending.total");
    }
}
