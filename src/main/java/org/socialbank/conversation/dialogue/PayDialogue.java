package org.socialbank.conversation.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.conversation.language.Hints;
import org.socialbank.conversation.language.ParsedCommand;
import org.socialbank.conversation.language.Payee;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Language;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Money;

/**
 * The payment form of a chat: fills the payee and the amount, asks for what is missing, goes back
 * a step, shows a confirmation with buttons bound to the form's version, and pays on confirm.
 */
final class PayDialogue {

    static final String CONFIRM = "confirm";
    static final String CANCEL = "cancel";

    private final Texts texts;
    private final long chatPaymentMaxMinor;

    PayDialogue(Texts texts, long chatPaymentMaxMinor) {
        this.texts = texts;
        if (chatPaymentMaxMinor < 1) {
            throw new IllegalArgumentException("chatPaymentMaxMinor must be positive");
        }
        this.chatPaymentMaxMinor = chatPaymentMaxMinor;
    }

    /** A new form for "pay ...", filled from what the command already says. */
    Step start(Turn turn, Language language, CustomerId payer, ParsedCommand command) {
        return fill(turn, language, turn.state().replaceForm(PayForm.of(payer.value(), turn.bank().now())), command);
    }

    static boolean fillsSlots(ParsedCommand command) {
        return !command.payees().isEmpty() || command.amount().isPresent() || command.amountProblem().isPresent();
    }

    /** Undoes the last slot filled: the amount, else the payee; every button shown goes stale. */
    Step back(Turn turn, Language language) {
        PayForm form = turn.state().form();
        PayForm previous = form.amountMinor() != null ? form.withoutAmount() : form.withoutPayee();
        return advance(turn, language, turn.state().replaceForm(previous));
    }

    /** Fills the payment's slots from a command, then asks for what is missing or for confirmation. */
    Step fill(Turn turn, Language language, DialogueState state, ParsedCommand command) {
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
            return new Step(state.withForm(form), List.of(new Outbound.Text(Hints.amount(language))), language);
        }
        if (command.amount().isPresent()) {
            Optional<CurrencyCode> currency = command.currency()
                    .or(() -> Optional.ofNullable(state.form().currency()).map(CurrencyCode::of))
                    .or(() -> turn.bank().primaryCurrency(payer));
            if (currency.isEmpty()) {
                return say(Dialogue.dropForm(state), language, "conversation.pay.no_account");
            }
            OptionalLong minor = command.amountMinor(currency.get());
            if (minor.isEmpty() || minor.getAsLong() <= 0) {
                return new Step(state.withForm(form), List.of(new Outbound.Text(Hints.amount(language))), language);
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
            return say(Dialogue.dropForm(state), language, "conversation.pay.over_chat_limit",
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
                        bank.button(CANCEL, shown.formVersion()))))), language);
    }

    Step button(Turn turn, Language language, String reference) {
        DialogueState state = turn.state();
        Optional<Bank.Press> press = turn.bank().press(reference);
        boolean current = press.isPresent() && turn.ownsForm() && state.form().complete()
                && press.get().formVersion() == state.formVersion();
        if (!current) {
            return say(state, language, "conversation.pay.stale");
        }
        if (!CONFIRM.equals(press.get().action())) {
            return say(Dialogue.dropForm(state), language, "conversation.pay.cancelled");
        }
        return confirm(turn, language, state.form());
    }

    private Step confirm(Turn turn, Language language, PayForm form) {
        DialogueState next = Dialogue.dropForm(turn.state());
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
                texts.text(language, "conversation.receipt.reference", ((Bank.Paid) outcome).transferId())))), language);
    }

    static String refusal(String code) {
        return switch (code) {
            case "exceeds_credits" -> "conversation.pay.refused.funds";
            case "account_frozen", "account_closed" -> "conversation.pay.refused.account";
            case "payee_has_no_account" -> "conversation.pay.refused.payee_account";
            default -> "conversation.pay.refused.other";
        };
    }


    private Step say(org.socialbank.conversation.dialogue.DialogueState state, Language language, String key,
            Object... args) {
        return new Step(state, List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        List<String> keys = new ArrayList<>(List.of("conversation.pay.payee_unknown", "conversation.pay.self",
                "conversation.pay.no_account", "conversation.pay.ask_payee", "conversation.pay.ask_amount",
                "conversation.pay.over_chat_limit", "conversation.pay.confirm", "conversation.pay.confirm_button",
                "conversation.pay.cancel_button", "conversation.pay.stale", "conversation.receipt.title",
                "conversation.receipt.amount", "conversation.receipt.to", "conversation.receipt.reference",
                "conversation.pay.cancelled"));
        for (String code : List.of("exceeds_credits", "account_frozen", "payee_has_no_account", "other")) {
            keys.add(refusal(code));
        }
        return keys;
    }
}
