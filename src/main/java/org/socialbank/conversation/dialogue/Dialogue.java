package org.socialbank.conversation.dialogue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.language.CommandParser;
import org.socialbank.conversation.language.Context;
import org.socialbank.conversation.language.Hints;
import org.socialbank.conversation.language.Intent;
import org.socialbank.conversation.language.ParsedCommand;
import org.socialbank.conversation.language.Payee;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Language;
import org.socialbank.directory.Network;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Money;

/**
 * Turns one message into replies and the conversation's next state. Public answers (help,
 * language, hints) for everyone; private ones (balance, history, pay) only for a linked chat
 * account, which others are offered a one-time link for. Stateless and thread-safe.
 */
public final class Dialogue {

    public static final int HISTORY_MAX = 5;
    static final String CONFIRM = "confirm";
    static final String CANCEL = "cancel";

    private final CommandParser parser = new CommandParser();
    private final Texts texts;
    private final long chatPaymentMaxMinor;
    private final Duration formTtl;

    /** @param formTtl how long a payment being put together is kept; an older one is dropped */
    public Dialogue(Texts texts, long chatPaymentMaxMinor, Duration formTtl) {
        this.texts = Objects.requireNonNull(texts, "texts");
        if (chatPaymentMaxMinor < 1) {
            throw new IllegalArgumentException("chatPaymentMaxMinor must be positive");
        }
        this.chatPaymentMaxMinor = chatPaymentMaxMinor;
        this.formTtl = Objects.requireNonNull(formTtl, "formTtl");
        if (formTtl.isNegative() || formTtl.isZero()) {
            throw new IllegalArgumentException("formTtl must be positive");
        }
    }

    /** The next state and what to say. */
    public record Step(DialogueState state, List<Outbound> replies) {
        public Step {
            Objects.requireNonNull(state, "state");
            replies = List.copyOf(replies);
        }
    }

    /** What one message is handled with: the chat's state, where it came from, the bank. */
    private record Turn(DialogueState state, Network channel, Bank bank, Optional<Bank.Linked> linked) {

        Language chosen() {
            return state.language() != null ? state.language()
                    : linked.map(Bank.Linked::language).orElse(null);
        }
    }

    public Step handle(DialogueState current, Network channel, Inbound content, Bank bank) {
        boolean expired = current.form() != null
                && !current.form().startedAt().plus(formTtl).isAfter(bank.now());
        DialogueState state = expired ? current.replaceForm(null) : current; // a stale form is forgotten
        Turn turn = new Turn(state, channel, bank, bank.linked());
        Language language = turn.chosen() != null ? turn.chosen() : Language.EN;
        if (content instanceof Inbound.Text text) {
            return text(turn, text.text());
        }
        if (content instanceof Inbound.Button button) {
            return button(turn, language, button.reference());
        }
        if (content instanceof Inbound.Contact contact) {
            return contact(turn, language, contact);
        }
        if (content instanceof Inbound.Start) {
            return say(state, language, "conversation.help");
        }
        if (content instanceof Inbound.Blocked) {
            bank.markUnreachable();
        }
        if (content instanceof Inbound.Location) {
            return new Step(state, List.of(new Outbound.Text(Hints.unknown(language))));
        }
        return new Step(dropForm(state), List.of()); // stop, blocked: drop any payment, say nothing
    }

    private Step text(Turn turn, String text) {
        ParsedCommand command = parser.parse(text, Optional.ofNullable(turn.chosen()), Context.of(turn.channel(), null));
        Language language = turn.chosen() != null ? turn.chosen() : command.language();
        DialogueState state = turn.state();
        Intent intent = command.intent();
        boolean payersForm = state.form() != null && turn.linked()
                .filter(l -> l.customerId().value().equals(state.form().payerCustomerId())).isPresent();
        if (payersForm && intent == Intent.UNKNOWN && fillsSlots(command)) {
            return fill(turn, language, state, command);
        }
        switch (intent) {
            case HELP:
                return say(state, language, "conversation.help");
            case LANGUAGE:
                return command.targetLanguage()
                        .map(target -> say(state.withLanguage(target), target, "conversation.language.switched"))
                        .orElseGet(() -> say(state, language, "conversation.language.which"));
            case CANCEL:
                return state.form() != null ? say(dropForm(state), language, "conversation.pay.cancelled")
                        : say(state, language, "conversation.cancel.nothing");
            case LINK:
                return turn.linked().isPresent() ? say(state, language, "conversation.link.already")
                        : offerLink(turn, language);
            case UNLINK:
                return turn.linked().isPresent() && turn.bank().unlink()
                        ? say(dropForm(state), language, "conversation.unlink.done")
                        : say(state, language, "conversation.unlink.not_linked");
            case UNKNOWN:
                return new Step(state, List.of(new Outbound.Text(command.amountProblem().isPresent()
                        ? Hints.amount(language) : Hints.unknown(language))));
            default:
                return turn.linked().isEmpty() ? offerLink(turn, language) : privately(turn, language, command);
        }
    }

    private static boolean fillsSlots(ParsedCommand command) {
        return !command.payees().isEmpty() || command.amount().isPresent() || command.amountProblem().isPresent();
    }

    private Step privately(Turn turn, Language language, ParsedCommand command) {
        CustomerId customer = turn.linked().orElseThrow().customerId();
        return switch (command.intent()) {
            case BALANCE -> balance(turn, language, customer);
            case HISTORY -> history(turn, language, customer);
            case PAY -> fill(turn, language, turn.state().replaceForm(PayForm.of(customer.value(), turn.bank().now())), command);
            default -> say(turn.state(), language, "conversation.not_yet");
        };
    }

    private Step offerLink(Turn turn, Language language) {
        return new Step(turn.state(), List.of(new Outbound.Link(texts.text(language, "conversation.link.needed"),
                texts.text(language, "conversation.link.button"), turn.bank().linkUrl())));
    }

    private Step balance(Turn turn, Language language, CustomerId customer) {
        List<Bank.Balance> balances = turn.bank().balances(customer);
        if (balances.isEmpty()) {
            return say(turn.state(), language, "conversation.balance.none");
        }
        StringBuilder text = new StringBuilder(texts.text(language, "conversation.balance.title"));
        for (Bank.Balance b : balances) {
            text.append('\n').append(Money.format(b.amountMinor(), b.currency(), language.locale()));
        }
        return new Step(turn.state(), List.of(new Outbound.Text(text.toString())));
    }

    private Step history(Turn turn, Language language, CustomerId customer) {
        List<Bank.Movement> movements = turn.bank().history(customer, HISTORY_MAX);
        if (movements.isEmpty()) {
            return say(turn.state(), language, "conversation.history.none");
        }
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(language.locale()).withZone(ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(texts.text(language, "conversation.history.title"));
        for (Bank.Movement m : movements) {
            text.append('\n').append(m.outgoing() ? "−" : "+")
                    .append(Money.format(m.amountMinor(), m.currency(), language.locale()))
                    .append(" · ").append(dates.format(m.at()));
        }
        return new Step(turn.state(), List.of(new Outbound.Text(text.toString())));
    }

    /** Fills the payment's slots from a command, then asks for what is missing or for confirmation. */
    private Step fill(Turn turn, Language language, DialogueState state, ParsedCommand command) {
        CustomerId payer = turn.linked().orElseThrow().customerId();
        PayForm form = state.form();
        if (!command.payees().isEmpty()) {
            Payee payee = command.payees().get(0);
            Optional<AliasMatch> match = payee.alias().flatMap(turn.bank()::resolve);
            if (match.isEmpty()) {
                return say(state, language, "conversation.pay.payee_unknown", payee.value());
            }
            if (match.get().customerId().equals(payer)) {
                return say(state, language, "conversation.pay.self");
            }
            form = form.withPayee(match.get().customerId().value(), match.get().maskedName());
        }
        if (command.amountProblem().isPresent()) {
            return new Step(state.withForm(form), List.of(new Outbound.Text(Hints.amount(language))));
        }
        if (command.amount().isPresent()) {
            Optional<CurrencyCode> currency = command.currency()
                    .or(() -> Optional.ofNullable(state.form().currency()).map(CurrencyCode::of))
                    .or(() -> turn.bank().primaryCurrency(payer));
            if (currency.isEmpty()) {
                return say(dropForm(state), language, "conversation.pay.no_account");
            }
            OptionalLong minor = command.amountMinor(currency.get());
            if (minor.isEmpty() || minor.getAsLong() <= 0) {
                return new Step(state.withForm(form), List.of(new Outbound.Text(Hints.amount(language))));
            }
            form = form.withAmount(minor.getAsLong(), currency.get().code());
        }
        return advance(turn, language, state.withForm(form));
    }

    private Step advance(Turn turn, Language language, DialogueState state) {
        PayForm form = state.form();
        if (form.payeeCustomerId() == null) {
            return say(state, language, "conversation.pay.ask_payee");
        }
        if (form.amountMinor() == null) {
            return say(state, language, "conversation.pay.ask_amount", form.payeeName());
        }
        CurrencyCode currency = CurrencyCode.of(form.currency());
        if (form.amountMinor() > chatPaymentMaxMinor) {
            return say(dropForm(state), language, "conversation.pay.over_chat_limit",
                    Money.format(chatPaymentMaxMinor, currency, language.locale()));
        }
        String text = texts.text(language, "conversation.pay.confirm",
                Money.format(form.amountMinor(), currency, language.locale()), form.payeeName());
        Bank bank = turn.bank();
        // a new version for every confirmation shown: "Pay 10?" must not pay 5 after the amount changed
        DialogueState shown = state.replaceForm(form);
        return new Step(shown, List.of(new Outbound.Buttons(text, List.of(
                new Outbound.Button(texts.text(language, "conversation.pay.confirm_button"),
                        bank.button(CONFIRM, shown.formVersion())),
                new Outbound.Button(texts.text(language, "conversation.pay.cancel_button"),
                        bank.button(CANCEL, shown.formVersion()))))));
    }

    private Step button(Turn turn, Language language, String reference) {
        DialogueState state = turn.state();
        Optional<Bank.Press> press = turn.bank().press(reference);
        boolean current = press.isPresent() && state.form() != null && state.form().complete()
                && press.get().formVersion() == state.formVersion() && turn.linked()
                        .filter(l -> l.customerId().value().equals(state.form().payerCustomerId())).isPresent();
        if (!current) {
            return say(state, language, "conversation.pay.stale");
        }
        if (!CONFIRM.equals(press.get().action())) {
            return say(dropForm(state), language, "conversation.pay.cancelled");
        }
        return confirm(turn, language, state.form());
    }

    private Step confirm(Turn turn, Language language, PayForm form) {
        DialogueState next = dropForm(turn.state());
        CurrencyCode currency = CurrencyCode.of(form.currency());
        if (form.amountMinor() > chatPaymentMaxMinor) {
            return say(next, language, "conversation.pay.over_chat_limit",
                    Money.format(chatPaymentMaxMinor, currency, language.locale()));
        }
        Bank.PayOutcome outcome = turn.bank().pay(turn.linked().orElseThrow().customerId(),
                new CustomerId(form.payeeCustomerId()), form.amountMinor(), currency);
        if (outcome instanceof Bank.Refused refused) {
            return say(next, language, refusal(refused.code()), refused.code());
        }
        String amount = Money.format(form.amountMinor(), currency, language.locale());
        return new Step(next, List.of(new Outbound.Receipt(texts.text(language, "conversation.receipt.title"), List.of(
                texts.text(language, "conversation.receipt.amount", amount),
                texts.text(language, "conversation.receipt.to", form.payeeName()),
                texts.text(language, "conversation.receipt.reference", ((Bank.Paid) outcome).transferId())))));
    }

    static String refusal(String code) {
        return switch (code) {
            case "exceeds_credits" -> "conversation.pay.refused.funds";
            case "account_frozen", "account_closed" -> "conversation.pay.refused.account";
            case "payee_has_no_account" -> "conversation.pay.refused.payee_account";
            default -> "conversation.pay.refused.other";
        };
    }

    private Step contact(Turn turn, Language language, Inbound.Contact contact) {
        if (!contact.own()) {
            return say(turn.state(), language, "conversation.contact.not_own");
        }
        if (turn.linked().isPresent()) {
            return say(turn.state(), language, "conversation.link.already");
        }
        // on success the IdentityLinked listener says "you are linked"
        return turn.bank().linkByPhone(contact.phone()) ? new Step(turn.state(), List.of())
                : say(turn.state(), language, "conversation.contact.unknown");
    }

    private static DialogueState dropForm(DialogueState state) {
        return state.form() == null ? state : state.replaceForm(null);
    }

    private Step say(DialogueState state, Language language, String key, Object... args) {
        return new Step(state, List.of(new Outbound.Text(texts.text(language, key, args))));
    }

    /** Every message key a dialogue may use, for the tests that check the bundles. */
    public static List<String> messageKeys() {
        List<String> keys = new ArrayList<>(List.of("conversation.help", "conversation.language.switched",
                "conversation.language.which", "conversation.pay.cancelled", "conversation.cancel.nothing",
                "conversation.link.already", "conversation.unlink.done", "conversation.unlink.not_linked",
                "conversation.not_yet", "conversation.link.needed", "conversation.link.button",
                "conversation.balance.none", "conversation.balance.title", "conversation.history.none",
                "conversation.history.title", "conversation.pay.payee_unknown", "conversation.pay.self",
                "conversation.pay.no_account", "conversation.pay.ask_payee", "conversation.pay.ask_amount",
                "conversation.pay.over_chat_limit", "conversation.pay.confirm", "conversation.pay.confirm_button",
                "conversation.pay.cancel_button", "conversation.pay.stale", "conversation.receipt.title",
                "conversation.receipt.amount", "conversation.receipt.to", "conversation.receipt.reference",
                "conversation.contact.not_own", "conversation.contact.unknown"));
        for (String code : List.of("exceeds_credits", "account_frozen", "payee_has_no_account", "other")) {
            keys.add(refusal(code));
        }
        return keys;
    }
}
