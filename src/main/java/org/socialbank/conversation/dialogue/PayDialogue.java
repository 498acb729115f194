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
import org.socialbank.conversation.language.PayeeType;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.PaymentRejection;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;

/**
 * The payment form of a chat: fills the payee and the amount, asks for what is missing, goes back
 * a step, shows a confirmation with buttons bound to the form's version, and pays on confirm.
 */
final class PayDialogue {

    static final String CONFIRM = "confirm";
    static final String CANCEL = "cancel";

    private final Texts texts;

    PayDialogue(Texts texts) {
        this.texts = texts;
    }

    /** A new form for "pay ...", filled from what the command already says. */
    Step start(Turn turn, Language language, CustomerId payer, ParsedCommand command) {
        return fill(
                turn,
                language,
                turn.state().replaceForm(PayForm.of(payer.value(), turn.bank().now())),
                command);
    }

    /** The refusal of a payment that names several payees: one payment per message. */
    static final String ONE_PAYEE_KEY = "conversation.pay.one_payee";

    /** The payees as the customer wrote them ("$a, $b"), in the list style of the language. */
    static String written(List<Payee> payees, Language language) {
        String separator = switch (language) {
            case FA -> "، ";
            case ZH -> "、";
            default -> ", ";
        };
        return String.join(
                separator,
                payees.stream()
                        .map(p -> p.alias()
                                .map(Alias::display)
                                .orElse(p.type() == PayeeType.HANDLE ? "@" + p.value() : p.value()))
                        .toList());
    }

    static boolean fillsSlots(ParsedCommand command) {
        return !command.payees().isEmpty()
                || command.amount().isPresent()
                || command.amountProblem().isPresent();
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
        if (command.payees().size() > 1) {
            // "pay $a 5 and $b 6": paying the first alone would be a guess (issue 13); nothing is looked up
            return say(turn.state(), language, ONE_PAYEE_KEY, written(command.payees(), language));
        }
        PayForm form = state.form();
        if (!command.payees().isEmpty()) {
            Payee payee = command.payees().get(0);
            Payees.Lookup lookup = Payees.lookup(turn.bank(), payer, payee);
            if (lookup instanceof Payees.Spent) {
                return say(state, language, Payees.SPENT_KEY);
            }
            Optional<Payees.Target> target = lookup.found();
            if (target.isEmpty()) {
                return say(state, language, "conversation.pay.payee_unknown", payee.value());
            }
            if (payer.equals(target.get().customerId())) {
                return say(state, language, "conversation.pay.self");
            }
            form = form.withPayee(
                    target.get().alias(),
                    target.get().customerId() == null
                            ? null
                            : target.get().customerId().value(),
                    target.get().name());
        }
        if (command.amountProblem().isPresent()) {
            return new Step(changed(state, form), List.of(new Outbound.Text(Hints.amount(language))), language);
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
                return new Step(changed(state, form), List.of(new Outbound.Text(Hints.amount(language))), language);
            }
            form = form.withAmount(minor.getAsLong(), currency.get().code());
        }
        return advance(turn, language, state.withForm(form));
    }

    /**
     * The state with the form as it is now: a form that changed gets a new version, so a
     * confirmation shown before ("Pay 10 to Alice?") cannot pay what it did not show (Bob).
     */
    private static DialogueState changed(DialogueState state, PayForm form) {
        return form.equals(state.form()) ? state : state.replaceForm(form);
    }

    private Step advance(Turn turn, Language language, DialogueState state) {
        PayForm form = state.form();
        if (form.payeeValue() == null) {
            return say(state, language, "conversation.pay.ask_payee");
        }
        if (form.amountMinor() == null) {
            return say(state, language, "conversation.pay.ask_amount", form.payeeName());
        }
        CurrencyCode currency = CurrencyCode.of(form.currency());
        Bank bank = turn.bank();
        Optional<Bank.Refused> refusal =
                bank.check(turn.linked().orElseThrow().customerId(), form.payee(), form.amountMinor(), currency);
        if (refusal.isPresent()) {
            // no Confirm button for a payment that cannot go (issue 13); the payee stays, so another
            // amount can be typed at once
            Bank.Refused why = refusal.get();
            DialogueState.Refusal told = new DialogueState.Refusal(
                    form.payerCustomerId(),
                    form.amountMinor(),
                    currency.code(),
                    form.payeeName(),
                    bank.now(),
                    why.rejection().code(),
                    why.limitMinor(),
                    why.resetsAt());
            Step no = refused(
                    state.replaceForm(form.withoutAmount()).withLastRefusal(told),
                    language,
                    why,
                    currency,
                    form.amountMinor(),
                    turn.time(language));
            List<Outbound> said = new ArrayList<>(no.replies());
            said.add(new Outbound.Text(texts.text(language, "conversation.pay.other_amount")));
            return new Step(no.state(), said, language);
        }
        String text = texts.text(
                language,
                form.payeeCustomerId() != null ? "conversation.pay.confirm" : "conversation.pay.confirm_claim",
                MoneyFormat.format(form.amountMinor(), currency, language.locale()),
                form.payeeName());
        // a new version for every confirmation shown: "Pay 10?" must not pay 5 after the amount changed
        DialogueState shown = state.replaceForm(form);
        return new Step(
                shown,
                List.of(new Outbound.Buttons(
                        text,
                        List.of(
                                new Outbound.Button(
                                        texts.text(language, "conversation.pay.confirm_button"),
                                        bank.button(CONFIRM, shown.formVersion())),
                                new Outbound.Button(
                                        texts.text(language, "conversation.pay.cancel_button"),
                                        bank.button(CANCEL, shown.formVersion()))))),
                language);
    }

    Step button(Turn turn, Language language, Optional<Bank.Press> press) {
        DialogueState state = turn.state();
        boolean current = press.isPresent()
                && turn.ownsForm()
                && state.form().complete()
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
        Bank.PayOutcome outcome =
                turn.bank().pay(turn.linked().orElseThrow().customerId(), form.payee(), form.amountMinor(), currency);
        Step said =
                outcome(next, language, outcome, form.amountMinor(), currency, form.payeeName(), turn.time(language));
        return outcome instanceof Bank.Paid ? withNextSteps(said, turn, language, form) : said;
    }

    /** The quick reply that starts the same payment again: {@code quick:again:<minor>:<currency>:<alias>}. */
    static final String AGAIN = Bank.QUICK_REPLY + "again:";

    /**
     * Issue 13 §4: under a receipt, where the network shows buttons, [Pay again] (the same payee and
     * amount, through the same checks and Confirm: a tap never pays by itself) and [History].
     */
    private Step withNextSteps(Step said, Turn turn, Language language, PayForm form) {
        if (!QuickReplies.QUICK_REPLIES.contains(turn.channel())) {
            return said;
        }
        Alias payee = form.payee();
        String again = AGAIN + form.amountMinor() + ":" + form.currency() + ":"
                + payee.type().name() + ":"
                + (payee.network() == null ? "-" : payee.network().wireName()) + ":" + payee.value();
        List<Outbound> replies = new ArrayList<>(said.replies());
        replies.add(new Outbound.Buttons(
                texts.text(language, "conversation.quick.after_payment"),
                List.of(
                        new Outbound.Button(
                                texts.text(language, "conversation.quick.pay_again"),
                                turn.bank().button(again, 0)),
                        new Outbound.Button(
                                texts.text(language, "conversation.quick.history"),
                                turn.bank().button(Bank.QUICK_REPLY + "history", 0)))));
        return new Step(said.state(), replies, language);
    }

    /**
     * A press of [Pay again]: a new form with the same payee (looked up again: who holds the alias
     * now) and amount, which goes through the checks and shows Confirm like a typed payment.
     */
    Step again(Turn turn, Language language, String action) {
        String[] parts = action.substring(AGAIN.length()).split(":", 5);
        Optional<Alias> alias = parts.length == 5 ? againAlias(parts) : Optional.empty();
        if (alias.isEmpty() || !parts[0].matches("\\d{1,18}") || !parts[1].matches("[A-Z]{3}")) {
            return say(turn.state(), language, "conversation.pay.stale");
        }
        CustomerId payer = turn.linked().orElseThrow().customerId();
        Payees.Lookup lookup = Payees.lookup(turn.bank(), payer, Payee.of(alias.get()));
        if (lookup instanceof Payees.Spent) {
            return say(turn.state(), language, Payees.SPENT_KEY);
        }
        Optional<Payees.Target> target = lookup.found();
        if (target.isEmpty()) {
            return say(
                    turn.state(),
                    language,
                    "conversation.pay.payee_unknown",
                    alias.get().display());
        }
        if (payer.equals(target.get().customerId())) {
            return say(turn.state(), language, "conversation.pay.self");
        }
        PayForm form = PayForm.of(payer.value(), turn.bank().now())
                .withPayee(
                        target.get().alias(),
                        target.get().customerId() == null
                                ? null
                                : target.get().customerId().value(),
                        target.get().name())
                .withAmount(Long.parseLong(parts[0]), parts[1]);
        return advance(turn, language, turn.state().replaceForm(form));
    }

    private static Optional<Alias> againAlias(String[] parts) {
        try {
            org.socialbank.directory.AliasType type = org.socialbank.directory.AliasType.valueOf(parts[2]);
            org.socialbank.shared.Network network = "-".equals(parts[3])
                    ? null
                    : org.socialbank.shared.Network.fromWireName(parts[3]).orElseThrow(IllegalArgumentException::new);
            return Optional.of(new Alias(type, network, parts[4]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What the customer hears of a payment: a receipt, the step-up page, the claim, or a "no". */
    Step outcome(
            DialogueState next,
            Language language,
            Bank.PayOutcome outcome,
            long amountMinor,
            CurrencyCode currency,
            String payeeName,
            org.socialbank.shared.CustomerTime time) {
        String amount = MoneyFormat.format(amountMinor, currency, language.locale());
        if (outcome instanceof Bank.Refused refused) {
            return refused(next, language, refused, currency, amountMinor, time);
        }
        if (outcome instanceof Bank.Ended ended) {
            return Refusals.said(next, texts, language, RefusalReasons.of(ended.status()));
        }
        if (outcome instanceof Bank.RequestRefused no) {
            return Refusals.said(next, texts, language, RefusalReasons.of(no.rejection()));
        }
        if (outcome instanceof Bank.Held held) {
            return new Step(
                    next,
                    List.of(new Outbound.Link(
                            texts.text(language, "conversation.pay.held", amount, payeeName)
                                    + heldWhy(texts, language, held.reason()),
                            texts.text(language, "conversation.pay.held_button"),
                            held.confirmationUrl())),
                    language);
        }
        if (outcome instanceof Bank.AwaitingClaim waiting) {
            return awaitingClaim(next, language, waiting, amount, payeeName, time);
        }
        return receipt(next, language, (Bank.Paid) outcome, amount, payeeName, currency, time);
    }

    /** Money waiting for its payee to claim it: until when, and the link to forward where there is one. */
    private Step awaitingClaim(
            DialogueState next,
            Language language,
            Bank.AwaitingClaim waiting,
            String amount,
            String payeeName,
            org.socialbank.shared.CustomerTime time) {
        String until = waiting.expiresAt() == null ? "—" : time.date(waiting.expiresAt());
        return new Step(
                next,
                List.of(
                        waiting.forward() == null
                                ? new Outbound.Text(texts.text(
                                        language, "conversation.pay.awaiting_claim_told", amount, payeeName, until))
                                : new Outbound.Link(
                                        texts.text(
                                                language,
                                                "conversation.pay.awaiting_claim_forward",
                                                amount,
                                                payeeName,
                                                until),
                                        texts.text(language, "conversation.pay.share_link_button"),
                                        waiting.forward())),
                language);
    }

    private Step receipt(
            DialogueState next,
            Language language,
            Bank.Paid paid,
            String amount,
            String payeeName,
            CurrencyCode currency,
            org.socialbank.shared.CustomerTime time) {
        List<String> lines = new ArrayList<>(List.of(
                texts.text(language, "conversation.receipt.amount", amount),
                texts.text(language, "conversation.receipt.to", payeeName)));
        if (paid.at() != null) {
            lines.add(texts.text(language, "conversation.receipt.date", time.dateTime(paid.at())));
        }
        lines.add(texts.text(language, "conversation.receipt.reference", paid.reference()));
        if (paid.balanceMinor() != null) {
            lines.add(texts.text(
                    language,
                    "conversation.receipt.balance",
                    MoneyFormat.format(paid.balanceMinor(), currency, language.locale())));
        }
        return new Step(
                next,
                List.of(new Outbound.Receipt(texts.text(language, "conversation.receipt.title"), lines)),
                language);
    }

    private Step refused(
            DialogueState next,
            Language language,
            Bank.Refused refused,
            CurrencyCode currency,
            long amountMinor,
            org.socialbank.shared.CustomerTime time) {
        return new Step(
                next, List.of(new Outbound.Text(refusal(language, refused, currency, amountMinor, time))), language);
    }

    /**
     * The sentence that tells the payer why the bank said no: what she can spend, the limit and
     * when it resets, or the rejection's own sentence (also quoted later by the assistant, asked why
     * a payment did not go through).
     */
    String refusal(
            Language language,
            Bank.Refused refused,
            CurrencyCode currency,
            long amountMinor,
            org.socialbank.shared.CustomerTime time) {
        if (refused.availableMinor() != null && refused.rejection() == PaymentRejection.INSUFFICIENT_FUNDS) {
            return texts.text(
                    language,
                    "conversation.pay.refused.funds_available",
                    MoneyFormat.format(refused.availableMinor(), currency, language.locale()),
                    MoneyFormat.format(amountMinor, currency, language.locale()));
        }
        if (refused.limitMinor() != null && refused.rejection().limit()) {
            String limit = MoneyFormat.format(refused.limitMinor(), currency, language.locale());
            String which = texts.text(language, Refusals.limitKey(refused.rejection()));
            return refused.resetsAt() == null
                    ? texts.text(language, "conversation.pay.refused.limit", which, limit)
                    : texts.text(
                            language,
                            "conversation.pay.refused.limit_resets",
                            which,
                            limit,
                            time.dateTime(refused.resetsAt()));
        }
        return RefusalReasons.of(refused.rejection()).sentence(texts, language);
    }

    /** " Why: ..." for a payment the risk rule {@code reason} held; "" for a rule without a sentence. */
    static String heldWhy(Texts texts, Language language, String reason) {
        return HELD_REASONS.contains(reason)
                ? " " + texts.text(language, "conversation.pay.held_reason." + reason)
                : "";
    }

    /** The risk rules that hold a payment for the bank's page, each explained to the customer. */
    static final List<String> HELD_REASONS = List.of(
            "above_threshold",
            "new_payee_above_threshold",
            "many_new_payees",
            "payment_burst",
            "first_after_new_channel");

    private Step say(
            org.socialbank.conversation.dialogue.DialogueState state, Language language, String key, Object... args) {
        return new Step(state, List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        List<String> keys = new ArrayList<>(List.of(
                ONE_PAYEE_KEY,
                "conversation.pay.payee_unknown",
                "conversation.pay.self",
                "conversation.pay.no_account",
                "conversation.pay.ask_payee",
                "conversation.pay.ask_amount",
                "conversation.pay.confirm",
                "conversation.pay.confirm_claim",
                "conversation.pay.confirm_button",
                "conversation.pay.held",
                "conversation.pay.held_button",
                "conversation.pay.awaiting_claim_told",
                "conversation.pay.awaiting_claim_forward",
                "conversation.pay.claim_link_button",
                "conversation.pay.share_link_button",
                "conversation.pay.refused.limit",
                "conversation.pay.refused.limit_resets",
                "conversation.pay.cancel_button",
                "conversation.pay.stale",
                "conversation.receipt.title",
                "conversation.receipt.amount",
                "conversation.receipt.to",
                "conversation.receipt.reference",
                "conversation.receipt.date",
                "conversation.receipt.balance",
                "conversation.pay.cancelled",
                "conversation.pay.refused.funds_available",
                "conversation.pay.other_amount",
                "conversation.quick.after_payment",
                "conversation.quick.pay_again"));
        keys.addAll(Refusals.messageKeys());
        HELD_REASONS.forEach(reason -> keys.add("conversation.pay.held_reason." + reason));
        return keys;
    }
}
