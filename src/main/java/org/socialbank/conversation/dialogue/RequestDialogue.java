package org.socialbank.conversation.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.conversation.language.Hints;
import org.socialbank.conversation.language.ParsedCommand;
import org.socialbank.conversation.language.ParsedShare;
import org.socialbank.conversation.language.Payee;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;

/**
 * Requests and splits in chat: "request 20 from @alice" asks Alice (in her chat, with Pay and
 * Decline buttons, or by a link to forward); "split 60 with @bob and @alice" asks each member for
 * their share. Nobody is ever debited: the person asked pays by pressing Pay. The buttons of a
 * request alert carry actions {@code request.pay:<id>} and {@code request.decline:<id>}.
 */
final class RequestDialogue {

    static final String PAY = Bank.PAY_REQUEST;
    static final String DECLINE = Bank.DECLINE_REQUEST;
    /** Links to forward shown in one answer, at most. */
    static final int FORWARDS_SHOWN = 5;

    private final Texts texts;
    private final PayDialogue pay;

    RequestDialogue(Texts texts, PayDialogue pay) {
        this.texts = texts;
        this.pay = pay;
    }

    Step ask(Turn turn, Language language, CustomerId requester, ParsedCommand command) {
        DialogueState state = turn.state();
        Optional<Long> amount = amount(turn, requester, command);
        if (command.payees().isEmpty() || amount.isEmpty()) {
            return say(state, language, "conversation.request.how");
        }
        Payee payee = command.payees().get(0);
        Payees.Lookup lookup = Payees.lookup(turn.bank(), requester, payee);
        if (lookup instanceof Payees.Spent) {
            return say(state, language, Payees.SPENT_KEY);
        }
        Optional<Payees.Target> target = lookup.found();
        if (target.isEmpty()) {
            return say(state, language, "conversation.pay.payee_unknown", payee.value());
        }
        CurrencyCode currency = currency(turn, requester, command).orElseThrow();
        String note = command.note().orElse(null);
        Bank.AskOutcome outcome = turn.bank().ask(requester, target.get().alias(), amount.get(), currency, note);
        String money = MoneyFormat.format(amount.get(), currency, language.locale());
        if (outcome instanceof Bank.NotAsked no) {
            return say(state, language, Refusals.key(no.rejection()));
        }
        Bank.Asked asked = (Bank.Asked) outcome;
        String sent = texts.text(
                        language,
                        "conversation.request.sent",
                        money,
                        target.get().name())
                + noteLine(language, note);
        return new Step(
                state,
                List.of(
                        asked.forward() == null
                                ? new Outbound.Text(sent)
                                : forward(
                                        language,
                                        "conversation.request.forward",
                                        asked.forward(),
                                        money,
                                        target.get().name())),
                language);
    }

    Step split(Turn turn, Language language, CustomerId organiser, ParsedCommand command) {
        DialogueState state = turn.state();
        Optional<Long> total = amount(turn, organiser, command);
        List<Payee> people = command.payees();
        if (people.isEmpty() || total.isEmpty()) {
            return say(state, language, "conversation.split.how");
        }
        if (command.tooManyPayees()) { // the dialogue refuses it first; this split never looks up more
            return say(state, language, "conversation.payees.too_many", ParsedCommand.PAYEES_MAX);
        }
        CurrencyCode currency = currency(turn, organiser, command).orElseThrow();
        List<Alias> members = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Payee person : people) {
            Payees.Lookup lookup = Payees.lookup(turn.bank(), organiser, person);
            if (lookup instanceof Payees.Spent) {
                return say(state, language, Payees.SPENT_KEY);
            }
            Optional<Payees.Target> target = lookup.found();
            if (target.isEmpty()) {
                return say(state, language, "conversation.pay.payee_unknown", person.value());
            }
            members.add(target.get().alias());
            names.add(target.get().name());
        }
        List<Long> shares = new ArrayList<>();
        for (ParsedShare share : command.shares()) {
            OptionalLong minor = share.amountMinor(currency);
            if (minor.isEmpty()) {
                return new Step(state, List.of(new Outbound.Text(Hints.amount(language))), language);
            }
            shares.add(minor.getAsLong());
        }
        boolean given = !shares.isEmpty() && shares.size() == members.size();
        Bank.SplitOutcome outcome = turn.bank()
                .split(
                        organiser,
                        members,
                        given ? shares : List.of(),
                        total.get(),
                        currency,
                        !given,
                        command.note().orElse(null));
        if (outcome instanceof Bank.NotAsked no) {
            return say(state, language, Refusals.key(no.rejection()));
        }
        return made(state, language, (Bank.SplitMade) outcome, names, total.get(), currency);
    }

    private Step made(
            DialogueState state,
            Language language,
            Bank.SplitMade made,
            List<String> names,
            long totalMinor,
            CurrencyCode currency) {
        StringBuilder text = new StringBuilder(texts.text(
                language,
                "conversation.split.made",
                MoneyFormat.format(totalMinor, currency, language.locale()),
                made.members().size()));
        for (int i = 0; i < made.members().size(); i++) {
            text.append('\n')
                    .append(names.get(i))
                    .append(": ")
                    .append(MoneyFormat.format(made.sharesMinor().get(i), currency, language.locale()));
        }
        if (made.organiserShareMinor() > 0) {
            text.append('\n')
                    .append(texts.text(
                            language,
                            "conversation.split.yours",
                            MoneyFormat.format(made.organiserShareMinor(), currency, language.locale())));
        }
        List<Outbound> replies = new ArrayList<>(List.of(new Outbound.Text(text.toString())));
        for (int i = 0; i < made.members().size() && replies.size() <= FORWARDS_SHOWN; i++) {
            if (made.members().get(i).forward() != null) {
                replies.add(forward(
                        language,
                        "conversation.split.forward",
                        made.members().get(i).forward(),
                        MoneyFormat.format(made.sharesMinor().get(i), currency, language.locale()),
                        names.get(i)));
            }
        }
        return new Step(state, replies, language);
    }

    /** A press of a request alert's Pay or Decline button. */
    Step press(Turn turn, Language language, String action) {
        DialogueState state = turn.state();
        CustomerId payer = turn.linked().orElseThrow().customerId();
        if (action.startsWith(DECLINE)) {
            return turn.bank().declineRequest(action.substring(DECLINE.length()), payer)
                    ? say(state, language, "conversation.request.declined_done")
                    : say(state, language, "conversation.request.closed");
        }
        return turn.bank()
                .payRequest(action.substring(PAY.length()), payer)
                .map(s -> pay.outcome(
                        state,
                        language,
                        s.outcome(),
                        s.amountMinor(),
                        s.currency(),
                        s.payeeName(),
                        turn.time(language)))
                .orElseGet(() -> say(state, language, "conversation.request.closed"));
    }

    /** "\nFor: “pizza”", or nothing without a note. */
    private String noteLine(Language language, String note) {
        return note == null ? "" : "\n" + texts.text(language, "conversation.request.note_line", note);
    }

    static boolean handles(String action) {
        return action.startsWith(PAY) || action.startsWith(DECLINE);
    }

    private Optional<Long> amount(Turn turn, CustomerId customer, ParsedCommand command) {
        return currency(turn, customer, command).flatMap(c -> {
            OptionalLong minor = command.amountMinor(c);
            return minor.isPresent() && minor.getAsLong() > 0 ? Optional.of(minor.getAsLong()) : Optional.empty();
        });
    }

    private static Optional<CurrencyCode> currency(Turn turn, CustomerId customer, ParsedCommand command) {
        return command.amount().isEmpty()
                ? Optional.empty()
                : command.currency().or(() -> turn.bank().primaryCurrency(customer));
    }

    private Outbound forward(Language language, String key, String url, String amount, String name) {
        return new Outbound.Link(
                texts.text(language, key, amount, name), texts.text(language, "conversation.request.link_button"), url);
    }

    private Step say(DialogueState state, Language language, String key, Object... args) {
        return new Step(state, List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        return List.of(
                "conversation.request.how",
                "conversation.request.sent",
                "conversation.request.forward",
                "conversation.request.link_button",
                "conversation.request.refused",
                "conversation.request.closed",
                "conversation.request.declined_done",
                "conversation.split.how",
                "conversation.split.made",
                "conversation.split.yours",
                "conversation.split.forward",
                "conversation.split.shares_do_not_add_up",
                "conversation.request.too_many",
                Payees.SPENT_KEY,
                "conversation.payees.too_many",
                "conversation.request.note_line");
    }
}
