package org.socialbank.conversation.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.conversation.language.CardCommand;
import org.socialbank.conversation.language.Hints;
import org.socialbank.conversation.language.Intent;
import org.socialbank.conversation.language.ParsedCommand;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;

/**
 * The assistant in chat (issues 18 and 19): a text the parser declined, or read in a way the
 * assistant's second opinion doubts, gets the assistant's answer when it is sure, "not sure" and
 * its guesses when it is not; a sure intent also shows the feature it names (history, cards,
 * requests, branches) where the chat may; presses under an answer are votes, guesses or the card lock.
 */
final class AssistantDialogue {

    private final Texts texts;
    private final PayDialogue pay;
    private final CardReplies cards;
    private final OpenRequestsDialogue openRequests;
    private final HistoryDialogue history;
    private final BranchDialogue branches;
    private final QuickReplies quickReplies;
    private final LinkOffers links;

    AssistantDialogue(
            Texts texts,
            PayDialogue pay,
            CardReplies cards,
            OpenRequestsDialogue openRequests,
            HistoryDialogue history,
            BranchDialogue branches,
            QuickReplies quickReplies,
            LinkOffers links) {
        this.texts = texts;
        this.pay = pay;
        this.cards = cards;
        this.openRequests = openRequests;
        this.history = history;
        this.branches = branches;
        this.quickReplies = quickReplies;
        this.links = links;
    }

    /**
     * Issue 18: "I did a transfer but it is still pending" names a transfer, asks about a pending
     * one; "how can my friend send me money?" asks how to be paid (only receiving_money answers it).
     * The assistant's answer when its second opinion fits, its guesses when it is not sure of a text
     * the parser read as a payment form; else empty, and the parser's reading stands.
     */
    Optional<Step> secondOpinion(Turn turn, Language language, ParsedCommand command, String text) {
        DialogueState state = turn.state();
        Intent intent = command.intent();
        boolean asked = SecondOpinion.consulted(command, text, state);
        if (!asked && !SecondOpinion.asksHowToBePaid(command, text, state)) {
            return Optional.empty();
        }
        Optional<Bank.Guess> opinion =
                turn.bank().secondOpinion(text).filter(o -> !(o.sure() && SecondOpinion.confirms(command, o.intent())));
        if (opinion.isPresent()
                && Answers.handles(opinion.get())
                && (asked || SecondOpinion.answersHowToBePaid(opinion.get().intent()))) {
            return Optional.of(
                    answered(turn, opinion.get().language(), opinion.get().intent(), text));
        }
        if (asked && opinion.isPresent() && !opinion.get().sure() && SecondOpinion.startsAForm(command)) {
            // "why is my transfer still processing?" read as "pay": a question, so no payment form
            // on one word; the assistant's three guesses, and the command one tap away. The chat
            // said "not sure": the turn counts toward the handoff (review 2026-12-07)
            turn.bank().notSure(opinion.get());
            Outbound.Button start = quickReplies.button(turn, language, intent == Intent.PAY ? "pay" : "request");
            return Optional.of(new Step(
                            state,
                            List.of(Answers.notSure(texts, turn.bank(), opinion.get(), language, List.of(start))),
                            language)
                    .shared());
        }
        return Optional.empty();
    }

    /**
     * A text the parser declined: the assistant's answer when it is sure of an intent we can answer,
     * "not sure" and its three guesses when it is not, else the hint (issue 18). Generic, so shared.
     */
    Step unknown(Turn turn, Language language, String text, boolean inGroup) {
        Optional<Step> notIt = notIt(turn, text);
        if (notIt.isPresent()) {
            return notIt.get();
        }
        Optional<Bank.Guess> guess = turn.bank().guess(text);
        if (guess.isEmpty() || guess.get().sure() && !Answers.handles(guess.get())) {
            // the hint's examples hold amounts ("pay @bob 10"): a group is shown its own help instead
            return QuickReplies.groupChat(turn, inGroup)
                    ? quickReplies.help(turn, language, true)
                    : new Step(turn.state(), List.of(new Outbound.Text(Hints.unknown(language))), language).shared();
        }
        if (!guess.get().sure()) {
            return new Step(turn.state(), List.of(Answers.notSure(texts, turn.bank(), guess.get(), language)), language)
                    .shared();
        }
        return answered(turn, guess.get().language(), guess.get().intent(), text);
    }

    /**
     * "No, that's not it", "that didn't help": counts toward the handoff, never a guess; in its
     * language. Read before the parser, which reads "help" in "that didn't help" as the help command
     * (review 2026-12-07 assistant follow-up).
     */
    Optional<Step> notIt(Turn turn, String text) {
        Optional<Language> notIt = Answers.notIt(text);
        if (notIt.isEmpty()) {
            return Optional.empty();
        }
        turn.bank().notHelped();
        return Optional.of(say(turn, notIt.get(), Answers.NOT_IT).shared());
    }

    /**
     * A sure intent (issue 18): its answer with "did this help?", and where the chat can act on it
     * the feature itself: the customer's history or cards (a linked chat; others are offered the
     * link, and only that part is private), or the branches the text names.
     */
    Step answered(Turn turn, Language language, String intent, String text) {
        Answers.Route route = Answers.ROUTES.get(intent);
        List<Outbound> replies = new ArrayList<>();
        Map<String, String> known = known(turn, language, intent);
        Answers.answer(texts, turn.bank(), language, intent, known)
                .map(answer -> withStart(turn, language, intent, answer))
                .ifPresent(replies::add);
        if (route == null
                || route == Answers.Route.LOCK
                || route == Answers.Route.PERSON
                || route == Answers.Route.TOP_UP) {
            return general(new Step(turn.state(), replies, language), known);
        }
        if (route == Answers.Route.BILLS && BillDialogue.publicHere(turn)) { // as the bill feature says there
            return say(turn, language, "billing.chat.public").shared();
        }
        if (route == Answers.Route.BILLS) {
            return general(new Step(turn.state(), replies, language), known);
        }
        if (route == Answers.Route.BRANCHES) {
            replies.addAll(
                    branches.named(turn.state(), language, turn.bank(), text).replies());
            return general(new Step(turn.state(), replies, language), known);
        }
        if (turn.linked().isEmpty()) {
            return Answers.INTENTS.contains(intent)
                    ? new Step(turn.state(), replies, language).shared()
                    : new Step(
                            turn.state(),
                            concat(replies, links.offer(turn, language).replies()),
                            language);
        }
        CustomerId customer = turn.linked().get().customerId();
        List<Outbound> shown = route == Answers.Route.REQUESTS
                ? openRequests.list(turn, language, customer).replies()
                : route == Answers.Route.HISTORY
                        ? history.latest(turn, language, customer, "").replies()
                        : route == Answers.Route.BALANCE
                                ? history.balance(turn, language, customer).replies()
                                : cards.answer(
                                        turn.bank(),
                                        customer,
                                        new CardCommand(CardCommand.Kind.MY_CARDS, language),
                                        language);
        return new Step(turn.state(), concat(replies, shown), language);
    }

    /**
     * A sure answer about sending money offers the payment itself (review 2026-12-07 assistant
     * follow-up): its start button, the "pay" quick reply, which asks whom to pay in a linked chat
     * and offers the link elsewhere; never in a group or on a public network, where no payment is
     * made, nor on a network without quick replies ({@link QuickReplies#QUICK_REPLIES}: on WhatsApp
     * the answer would carry more buttons than it shows; reread 2026-12-08 conversation). Top-up and
     * bill payment have no form to start: their answers are the one-message command itself.
     */
    private Outbound withStart(Turn turn, Language language, String intent, Outbound answer) {
        if (!org.socialbank.assistant.FeatureQuestions.SENDING_MONEY.equals(intent)
                || turn.inGroup()
                || !QuickReplies.QUICK_REPLIES.contains(turn.channel())
                || BillDialogue.publicHere(turn)
                || !(answer instanceof Outbound.Buttons buttons)) {
            return answer;
        }
        List<Outbound.Button> all = new ArrayList<>();
        all.add(quickReplies.button(turn, language, "pay"));
        all.addAll(buttons.buttons());
        return new Outbound.Buttons(buttons.text(), all);
    }

    /**
     * A step of general answers is shared; one that names the customer's data never is, whatever
     * its route (review 2026-12-07: a staff-edited answer may name data its route never shows).
     */
    private static Step general(Step step, Map<String, String> known) {
        return known.isEmpty() ? step.shared() : step;
    }

    /**
     * The customer's data the intent's answer names (issue 18: card_arrival, the newest card's issue
     * date; failed_transfer and declined_transfer, her latest payment that did not go through and
     * why), only in a linked private chat on a private network: none in an unlinked or public one,
     * nor in a group (review 2026-12-07: a group hears the general answer), and only the variables
     * the intent's answer may name ({@code Answers.variables}).
     */
    private Map<String, String> known(Turn turn, Language language, String intent) {
        java.util.Set<String> variables = Answers.variables(turn.bank(), language, intent);
        if (turn.linked().isEmpty() || turn.inGroup() || BillDialogue.publicHere(turn) || variables.isEmpty()) {
            return Map.of();
        }
        CustomerId customer = turn.linked().get().customerId();
        org.socialbank.shared.CustomerTime time = turn.time(language);
        Map<String, String> known = new java.util.HashMap<>();
        if (variables.contains(Answers.CARD_DISPATCHED_ON) || variables.contains(Answers.CARD_ISSUED_ON)) {
            turn.bank().newestCardDays(customer).ifPresent(days -> {
                if (days.dispatchedOn() != null) {
                    known.put(Answers.CARD_DISPATCHED_ON, midday(time, days.dispatchedOn()));
                }
                known.put(Answers.CARD_ISSUED_ON, midday(time, days.issuedOn()));
            });
        }
        if (variables.contains(Answers.LAST_PAYMENT_REFUSED)) {
            latestNotPaid(turn, customer)
                    .ifPresent(p -> known.put(Answers.LAST_PAYMENT_REFUSED, notPaid(language, p, time)));
        }
        return known;
    }

    /** A calendar day in her calendar and digits (noon UTC, so that no zone moves it to another day). */
    private static String midday(org.socialbank.shared.CustomerTime time, java.time.LocalDate day) {
        return time.date(day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
    }

    /**
     * The newer of the customer's latest stored payment that paid nobody and the payment one of her
     * chats (this one or another) last refused at its check (never stored: no Confirm button was
     * shown), within the same {@link Bank#NOT_PAID_DAYS} days.
     */
    private static Optional<Bank.NotPaid> latestNotPaid(Turn turn, CustomerId customer) {
        Optional<Bank.NotPaid> stored = turn.bank().latestNotPaid(customer);
        // the newest of this chat's refusal and her other chats', only hers (a chat may be linked to
        // someone else since)
        Optional<DialogueState.Refusal> told = java.util.stream.Stream.concat(
                        Optional.ofNullable(turn.state().lastRefusal()).stream(),
                        turn.bank().lastRefusalTold(customer).stream())
                .filter(refusal -> customer.value().equals(refusal.payerCustomerId()))
                .max(java.util.Comparator.comparing(DialogueState.Refusal::at));
        java.time.Instant since = turn.bank().now().minus(java.time.Duration.ofDays(Bank.NOT_PAID_DAYS));
        if (told.isEmpty()
                || told.get().at().isBefore(since)
                || stored.isPresent() && !told.get().at().isAfter(stored.get().at())) {
            return stored;
        }
        return told.get().asNotPaid().or(() -> stored);
    }

    /**
     * "20.00 EUR to C*** on 6 December 2026. Not enough money on your account. Nothing was paid.":
     * a payment that paid nobody, and why, in the words the chat used when it happened.
     */
    private String notPaid(Language language, Bank.NotPaid payment, org.socialbank.shared.CustomerTime time) {
        String why = switch (payment.status()) {
            case REJECTED ->
                org.socialbank.payments.PaymentRejection.fromCode(payment.code())
                        .map(rejection -> pay.refusal(
                                language,
                                new Bank.Refused(rejection, payment.limitMinor(), payment.resetsAt()),
                                payment.currency(),
                                payment.amountMinor(),
                                time))
                        .orElseGet(() -> RefusalReasons.of(payment.code()).sentence(texts, language));
            case RETURNED ->
                texts.text(
                        language,
                        // settled by hand: its payout failed too, and the money is back on another of her accounts
                        "payout_failed".equals(payment.code())
                                        || org.socialbank.payments.SettleResult.Settlement.CODE.equals(payment.code())
                                ? "assistant.not_paid.payout_failed"
                                : "assistant.not_paid.expired");
            // its payout failed and her frozen or closed account refused the money back: held, not back yet
            case RETURN_HELD -> texts.text(language, "assistant.not_paid.return_held");
            default -> texts.text(language, "assistant.not_paid.not_confirmed");
        };
        return texts.text(
                language,
                "assistant.not_paid",
                MoneyFormat.format(payment.amountMinor(), payment.currency(), language.locale()),
                payment.payee(),
                time.date(payment.at()),
                why);
    }

    /** A press under an assistant's answer: a vote, one of "not sure"'s guesses, or the card lock. */
    Step press(Turn turn, Language language, String action) {
        if (action.equals(Answers.LOCK)) {
            return turn.linked().isEmpty()
                    ? links.offer(turn, language)
                    : new Step(
                            turn.state(),
                            cards.answer(
                                    turn.bank(),
                                    turn.linked().get().customerId(),
                                    new CardCommand(CardCommand.Kind.LOCK, language),
                                    language),
                            language);
        }
        if (action.startsWith(Answers.PICK)) {
            String[] picked = action.substring(Answers.PICK.length()).split(":", 2);
            Language asked = Language.fromTag(picked[0]).orElse(language);
            Step step = picked.length < 2 ? null : answered(turn, asked, picked[1], "");
            return step != null && !step.replies().isEmpty()
                    ? step
                    : say(turn, asked, Answers.Route.PERSON.lead()).shared();
        }
        Optional<Answers.Vote> vote = Answers.Vote.of(action);
        if (vote.isEmpty()) {
            return say(turn, language, "conversation.pay.stale");
        }
        Answers.Vote v = vote.get();
        boolean counted = turn.bank().answerFeedback(v.answer(), v.intent(), v.language(), v.answerHash(), v.helpful());
        if (counted && !v.helpful()) {
            turn.bank().notHelped(); // a 👎 counts toward the handoff as "no, that's not it" does
        }
        return say(
                        turn,
                        v.language(),
                        !counted
                                ? "assistant.feedback.counted"
                                : v.helpful() ? "assistant.feedback.thanks" : "assistant.feedback.sorry")
                .shared();
    }

    private static List<Outbound> concat(List<Outbound> first, List<Outbound> then) {
        List<Outbound> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    private Step say(Turn turn, Language language, String key) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key))), language);
    }
}
