package org.socialbank.conversation.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.conversation.language.ParsedCommand;
import org.socialbank.conversation.language.Payee;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;

/**
 * The customer's open requests in chat (issue 13): "my requests" lists those they sent and those
 * they were asked; "remind $camille" reminds the payer of a request they sent (the payments module
 * allows one reminder per request and interval, so a repeated "remind" says when it may be sent
 * again); "cancel my request" withdraws one. When the text fits several requests, buttons ask
 * which one; the buttons carry {@code request.remind:<id>} and {@code request.cancel:<id>}.
 */
final class OpenRequestsDialogue {

    static final String REMIND = Bank.REMIND_REQUEST;
    static final String CANCEL = Bank.CANCEL_REQUEST;
    /** Requests one "my requests" lists. */
    static final int LISTED_MAX = 10;
    /** Requests read to find the one a "remind" or "cancel" means. */
    static final int SEARCHED_MAX = 50;
    /** Buttons of one "which request?" question. */
    static final int CHOICES_MAX = 5;

    private final Texts texts;

    OpenRequestsDialogue(Texts texts) {
        this.texts = texts;
    }

    Step list(Turn turn, Language language, CustomerId customer) {
        List<Bank.OpenRequest> open = turn.bank().openRequests(customer, LISTED_MAX);
        if (open.isEmpty()) {
            return say(turn.state(), language, "conversation.requests.none");
        }
        StringBuilder text = new StringBuilder(texts.text(language, "conversation.requests.title"));
        for (Bank.OpenRequest r : open) {
            text.append('\n').append(line(r, language, turn.time(language)));
        }
        if (open.stream().anyMatch(Bank.OpenRequest::sent)) {
            text.append("\n\n").append(texts.text(language, "conversation.requests.what_next"));
        }
        return new Step(turn.state(), List.of(new Outbound.Text(text.toString())), language);
    }

    /** "remind $camille": the one open request sent to Camille, or a choice when several fit. */
    Step remind(Turn turn, Language language, CustomerId customer, ParsedCommand command) {
        return act(turn, language, customer, command, true);
    }

    /** "cancel my request (to $camille)". */
    Step cancel(Turn turn, Language language, CustomerId customer, ParsedCommand command) {
        return act(turn, language, customer, command, false);
    }

    private Step act(Turn turn, Language language, CustomerId customer, ParsedCommand command, boolean remind) {
        List<Bank.OpenRequest> sent = turn.bank().openRequests(customer, SEARCHED_MAX).stream()
                .filter(Bank.OpenRequest::sent)
                .toList();
        List<Bank.OpenRequest> fitting = sent;
        if (!command.payees().isEmpty() && !sent.isEmpty()) {
            Payee payee = command.payees().get(0);
            fitting = sent.stream()
                    .filter(r -> payee.alias()
                            .filter(a -> a.equals(r.counterpartyAlias()))
                            .isPresent())
                    .toList();
            if (fitting.isEmpty()) { // asked by another alias of theirs: whose is it?
                Payees.Lookup lookup = Payees.lookup(turn.bank(), customer, payee);
                if (lookup instanceof Payees.Spent) {
                    return say(turn.state(), language, Payees.SPENT_KEY);
                }
                Optional<Payees.Target> target = lookup.found();
                fitting = sent.stream()
                        .filter(r -> target.filter(t ->
                                        t.customerId() != null && t.customerId().equals(r.counterpartyId()))
                                .isPresent())
                        .toList();
            }
        }
        if (fitting.isEmpty()) {
            return say(
                    turn.state(), language, remind ? "conversation.remind.none" : "conversation.cancel_request.none");
        }
        if (fitting.size() == 1) {
            return remind
                    ? remindOne(turn, language, customer, fitting.get(0))
                    : cancelOne(turn, language, customer, fitting.get(0));
        }
        List<Outbound.Button> buttons = new ArrayList<>();
        for (Bank.OpenRequest r : fitting.subList(0, Math.min(CHOICES_MAX, fitting.size()))) {
            buttons.add(new Outbound.Button(
                    texts.text(language, "conversation.requests.choice", r.counterparty(), money(r, language)),
                    turn.bank().button((remind ? REMIND : CANCEL) + r.id(), 0)));
        }
        return new Step(
                turn.state(),
                List.of(new Outbound.Buttons(
                        texts.text(
                                language, remind ? "conversation.remind.which" : "conversation.cancel_request.which"),
                        buttons)),
                language);
    }

    /** A press of a "which request?" button. */
    Step press(Turn turn, Language language, String action) {
        CustomerId customer = turn.linked().orElseThrow().customerId();
        String id = action.substring(action.startsWith(REMIND) ? REMIND.length() : CANCEL.length());
        Optional<Bank.OpenRequest> request = turn.bank().openRequests(customer, SEARCHED_MAX).stream()
                .filter(r -> r.sent() && r.id().equals(id))
                .findFirst();
        if (request.isEmpty()) {
            return say(turn.state(), language, "conversation.request.closed");
        }
        return action.startsWith(REMIND)
                ? remindOne(turn, language, customer, request.get())
                : cancelOne(turn, language, customer, request.get());
    }

    static boolean handles(String action) {
        return action.startsWith(REMIND) || action.startsWith(CANCEL);
    }

    private Step remindOne(Turn turn, Language language, CustomerId customer, Bank.OpenRequest r) {
        Optional<Bank.Reminder> reminder = turn.bank().remindRequest(customer, r.id());
        if (reminder.isEmpty()) {
            return say(turn.state(), language, "conversation.request.closed");
        }
        return reminder.get().sent()
                ? say(turn.state(), language, "conversation.remind.sent", r.counterparty(), money(r, language))
                : say(
                        turn.state(),
                        language,
                        "conversation.remind.too_soon",
                        r.counterparty(),
                        turn.time(language).dateTime(reminder.get().nextAt()));
    }

    private Step cancelOne(Turn turn, Language language, CustomerId customer, Bank.OpenRequest r) {
        return turn.bank().cancelRequest(customer, r.id())
                ? say(turn.state(), language, "conversation.cancel_request.done", r.counterparty(), money(r, language))
                : say(turn.state(), language, "conversation.request.closed");
    }

    /** "Camille D. owes you €20.00 · asked 2 Dec 2026 · for pizza". */
    private String line(Bank.OpenRequest r, Language language, org.socialbank.shared.CustomerTime time) {
        String line = texts.text(
                language,
                r.sent() ? "conversation.requests.sent" : "conversation.requests.received",
                r.counterparty(),
                money(r, language),
                time.date(r.createdAt()));
        return r.note() == null || r.note().isBlank()
                ? line
                : line + " · " + texts.text(language, "conversation.requests.note", r.note());
    }

    private static String money(Bank.OpenRequest r, Language language) {
        return MoneyFormat.format(r.amountMinor(), r.currency(), language.locale());
    }

    private Step say(DialogueState state, Language language, String key, Object... args) {
        return new Step(state, List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        return List.of(
                "conversation.requests.none",
                "conversation.requests.title",
                "conversation.requests.sent",
                "conversation.requests.received",
                "conversation.requests.note",
                "conversation.requests.what_next",
                "conversation.requests.choice",
                "conversation.remind.none",
                "conversation.remind.which",
                "conversation.remind.sent",
                "conversation.remind.too_soon",
                "conversation.cancel_request.none",
                "conversation.cancel_request.which",
                "conversation.cancel_request.done");
    }
}
