package org.socialbank.conversation.dialogue;

import java.util.List;
import java.util.Optional;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;

/**
 * The customer's balance and history in chat (issue 13): what can be spent and what waits apart
 * from it, the latest movements page by page ("history 20", then "more"), and the zone their
 * dates are shown in ("zone Europe/Paris"). Private: the dialogue asks for them in a linked chat only.
 */
final class HistoryDialogue {

    private final Texts texts;
    private final QuickReplies quickReplies;

    HistoryDialogue(Texts texts, QuickReplies quickReplies) {
        this.texts = texts;
        this.quickReplies = quickReplies;
    }

    Step balance(Turn turn, Language language, CustomerId customer) {
        List<Bank.Balance> balances = turn.bank().balances(customer);
        if (balances.isEmpty()) {
            return say(turn.state(), language, "conversation.balance.none");
        }
        StringBuilder text = new StringBuilder(texts.text(language, "conversation.balance.title"));
        for (Bank.Balance b : balances) {
            String available = MoneyFormat.format(b.amountMinor(), b.currency(), language.locale());
            // issue 13: what can be spent, and apart from it what waits to be claimed or confirmed
            text.append('\n')
                    .append(
                            b.reservedMinor() == 0
                                    ? available
                                    : texts.text(
                                            language,
                                            "conversation.balance.reserved",
                                            available,
                                            MoneyFormat.format(b.reservedMinor(), b.currency(), language.locale())));
        }
        return new Step(turn.state(), List.of(new Outbound.Text(text.toString())), language);
    }

    /** "history", "history 20": the latest lines, newest first. */
    Step latest(Turn turn, Language language, CustomerId customer, String text) {
        return historyPage(turn, language, customer, 0, count(text));
    }

    /**
     * Lines {@code from} to {@code from + wanted} of the history, newest first; the state remembers
     * how far it went, so that "more" (typed or tapped) shows the next {@value Dialogue#HISTORY_PAGE_MAX}.
     */
    private Step historyPage(Turn turn, Language language, CustomerId customer, int from, int wanted) {
        int upTo = Math.min(from + wanted, Dialogue.HISTORY_DEPTH_MAX);
        List<Bank.Movement> movements = from >= upTo ? List.of() : turn.bank().history(customer, upTo);
        if (movements.size() <= from) {
            return say(
                    turn.state().withHistoryShown(0),
                    language,
                    from == 0 ? "conversation.history.none" : "conversation.history.no_more");
        }
        StringBuilder lines = new StringBuilder(texts.text(language, "conversation.history.title"));
        org.socialbank.shared.CustomerTime time = turn.time(language);
        for (Bank.Movement m : movements.subList(from, movements.size())) {
            lines.append('\n').append(line(m, language, time));
        }
        boolean more = movements.size() == upTo && upTo < Dialogue.HISTORY_DEPTH_MAX;
        if (from == 0 && more && wanted < Dialogue.HISTORY_PAGE_MAX) {
            lines.append("\n\n").append(texts.text(language, "conversation.history.more", Dialogue.HISTORY_PAGE_MAX));
        }
        Step step = new Step(
                turn.state().withHistoryShown(movements.size()),
                List.of(new Outbound.Text(lines.toString())),
                language);
        return quickReplies.quick(step, turn, language, more ? List.of("more", "balance") : List.of("balance", "pay"));
    }

    /** "more": the next page of the history shown last. */
    Step more(Turn turn, Language language, CustomerId customer) {
        int shown = turn.state().historyShown();
        return shown == 0
                ? say(turn.state(), language, "conversation.more.nothing")
                : historyPage(turn, language, customer, shown, Dialogue.HISTORY_PAGE_MAX);
    }

    /** "history 20" (in any digits: "تاریخچه ۲۰"): how many lines, 1 to 20; else the default. */
    static int count(String text) {
        int value = 0;
        boolean seen = false;
        for (int i = 0; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), 10);
            if (digit >= 0) {
                value = Math.min(value * 10 + digit, 1000);
                seen = true;
            } else if (seen) {
                break;
            }
        }
        return seen && value >= 1 ? Math.min(value, Dialogue.HISTORY_PAGE_MAX) : Dialogue.HISTORY_MAX;
    }

    /** "−€5.00 to Camille D. · 2 Dec 2026, 14:05 · ref. 1a2b3c4d", with the escrow's state. */
    private String line(Bank.Movement m, Language language, org.socialbank.shared.CustomerTime time) {
        String amount = MoneyFormat.format(m.amountMinor(), m.currency(), language.locale());
        String who = m.counterparty() == null
                ? "—"
                : m.counterparty().equals("bank:interbank_settlement")
                        ? texts.text(language, "alerts.counterparty.external")
                        : m.counterparty().startsWith("bank:")
                                ? texts.text(language, "alerts.counterparty.bank")
                                : m.counterparty();
        String line = texts.text(
                language,
                m.outgoing() ? "conversation.history.out" : "conversation.history.in",
                amount,
                who,
                time.dateTime(m.at()));
        if (m.state() != null) {
            line += " · " + texts.text(language, "conversation.history.state." + m.state());
        }
        return m.reference() == null
                ? line
                : line + " · " + texts.text(language, "conversation.history.reference", m.reference());
    }

    /**
     * "zone" alone says which zone the customer's dates are in; "zone Europe/Paris" (a region, or a
     * city alone) sets it for every chat and page; anything else is refused with an example.
     */
    Step zone(Turn turn, Language language, String asked) {
        java.time.Instant now = turn.bank().now();
        if (asked.isEmpty()) {
            org.socialbank.shared.CustomerTime time = turn.time(language);
            return say(
                    turn.state(),
                    language,
                    "conversation.zone.current",
                    time.zone().getId(),
                    time.time(now));
        }
        Optional<java.time.ZoneId> zone = org.socialbank.shared.CustomerTime.parse(asked);
        if (zone.isEmpty()) {
            return say(turn.state(), language, "conversation.zone.unknown", asked);
        }
        turn.bank().chooseZone(zone.get());
        return say(
                turn.state(),
                language,
                "conversation.zone.set",
                zone.get().getId(),
                org.socialbank.shared.CustomerTime.of(language.locale(), zone.get())
                        .time(now));
    }

    static List<String> messageKeys() {
        return List.of(
                "conversation.balance.none",
                "conversation.balance.title",
                "conversation.balance.reserved",
                "conversation.history.none",
                "conversation.history.out",
                "conversation.history.in",
                "conversation.history.more",
                "conversation.history.reference",
                "conversation.history.state.pending",
                "conversation.history.state.posted",
                "conversation.history.state.voided",
                "conversation.history.state.expired",
                "conversation.history.title",
                "conversation.history.no_more",
                "conversation.more.nothing",
                "conversation.zone.current",
                "conversation.zone.set",
                "conversation.zone.unknown");
    }

    private Step say(DialogueState state, Language language, String key, Object... args) {
        return new Step(state, List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }
}
