package org.socialbank.conversation.dialogue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.language.CommandParser;
import org.socialbank.conversation.language.Context;
import org.socialbank.conversation.language.Hints;
import org.socialbank.conversation.language.Intent;
import org.socialbank.conversation.language.ParsedCommand;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.Payments;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.shared.Uuids;

/**
 * Turns one message into replies and the conversation's next state. Public answers (help,
 * language, branches, hints) for everyone; private ones (balance, history, pay) only for a linked
 * chat account, which others are offered a one-time link for. In a group only public answers are
 * shared; the engine sends the others to the sender's private chat. Stateless and thread-safe.
 */
public final class Dialogue {

    public static final int HISTORY_MAX = 5;
    /** The most lines one "history N" shows. */
    public static final int HISTORY_PAGE_MAX = 20;
    /** The deepest line "more" reaches: the history reads the latest transfers of each account only. */
    public static final int HISTORY_DEPTH_MAX = 100;

    private final CommandParser parser = new CommandParser();
    private final Texts texts;
    private final Duration formTtl;
    private final PayDialogue pay;
    private final RequestDialogue requests;
    private final AppointmentDialogue appointments;
    private final SweepDialogue sweeping;
    private final CardReplies cards;
    private final OpenRequestsDialogue openRequests;
    private final AccountAnswers accountAnswers;
    private final QuickReplies quickReplies;
    private final LinkOffers links;
    private final HistoryDialogue history;
    private final BranchDialogue branches;
    private final AssistantDialogue assistant;
    private final FeatureRoutes features;

    /** @param formTtl how long a payment being put together is kept; an older one is dropped */
    public Dialogue(Texts texts, Duration formTtl) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.formTtl = Objects.requireNonNull(formTtl, "formTtl");
        if (formTtl.isNegative() || formTtl.isZero()) {
            throw new IllegalArgumentException("formTtl must be positive");
        }
        this.pay = new PayDialogue(texts);
        this.requests = new RequestDialogue(texts, pay);
        this.appointments = new AppointmentDialogue(texts);
        this.sweeping = new SweepDialogue(texts);
        this.cards = new CardReplies(texts);
        this.openRequests = new OpenRequestsDialogue(texts);
        this.accountAnswers = new AccountAnswers(texts);
        this.quickReplies = new QuickReplies(texts);
        this.links = new LinkOffers(texts);
        this.history = new HistoryDialogue(texts, quickReplies);
        this.branches = new BranchDialogue(texts);
        this.assistant = new AssistantDialogue(texts, pay, cards, openRequests, history, branches, quickReplies, links);
        this.features = new FeatureRoutes(texts, links, history, requests, openRequests, sweeping, appointments, cards);
    }

    /**
     * The next state and what to say.
     *
     * @param language the language the replies are in
     * @param shareable whether the replies may be shown in a group (nothing private in them)
     */
    public record Step(DialogueState state, List<Outbound> replies, Language language, boolean shareable) {
        public Step {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(language, "language");
            replies = List.copyOf(replies);
        }

        Step(DialogueState state, List<Outbound> replies, Language language) {
            this(state, replies, language, false);
        }

        Step shared() {
            return new Step(state, replies, language, true);
        }
    }

    /** @param inGroup whether the message was written in a group chat */
    public Step handle(DialogueState current, Network channel, Inbound content, boolean inGroup, Bank bank) {
        boolean expired = current.form() != null
                && !current.form().startedAt().plus(formTtl).isAfter(bank.now());
        DialogueState state = expired ? current.replaceForm(null) : current; // a stale form is forgotten
        Turn turn = new Turn(state, channel, bank, bank.linked(), inGroup);
        Language language = turn.chosen() != null ? turn.chosen() : Language.EN;
        if (content instanceof Inbound.Text text) {
            return text(turn, text.text(), inGroup);
        }
        if (content instanceof Inbound.Button button) {
            return button(turn, language, button.reference());
        }
        if (content instanceof Inbound.Contact contact) {
            return links.contact(turn, language, contact);
        }
        if (content instanceof Inbound.Start) {
            return quickReplies.help(turn, language, inGroup);
        }
        if (content instanceof Inbound.Location location) {
            return branches.nearest(state, language, bank, location.lat(), location.lon())
                    .shared();
        }
        if (content instanceof Inbound.Blocked) {
            bank.markUnreachable();
        }
        if (content instanceof Inbound.Stop || content instanceof Inbound.Blocked) {
            bank.stopMarketing(content.kind(), true); // /stop, unfollow, unsubscribe, block: no marketing either
        }
        return new Step(dropForm(state), List.of(), language); // stop, blocked: drop any payment, say nothing
    }

    /**
     * "This wasn't me" under an alert (issue 17): the cards are locked at once and a person takes the
     * chat; the customer hears both, and that nothing else moves meanwhile.
     */
    private Step notMe(Turn turn, Language language, String action) {
        java.util.Optional<java.util.UUID> parsed = Uuids.parse(action.substring(Bank.NOT_ME.length()));
        if (parsed.isEmpty()) {
            return say(turn.state(), language, "conversation.pay.stale");
        }
        java.util.UUID alert = parsed.get();
        int locked = turn.bank().reportNotMe(turn.linked().orElseThrow().customerId(), alert);
        return new Step(
                dropForm(turn.state()),
                List.of(new Outbound.Text(
                        texts.text(language, locked > 0 ? "alerts.not_me.locked" : "alerts.not_me.no_card", locked))),
                language);
    }

    /** A press: a request alert's Pay or Decline, else a button of the payment form. */
    private Step button(Turn turn, Language language, String reference) {
        Optional<Bank.Press> press = turn.bank().press(reference);
        if (press.isPresent() && press.get().action().startsWith(PayDialogue.AGAIN)) { // issue 13: [Pay again]
            return turn.linked().isPresent()
                    ? pay.again(turn, language, press.get().action())
                    : links.offer(turn, language);
        }
        if (press.isPresent() && press.get().action().startsWith(Bank.QUICK_REPLY)) { // as if the command were typed
            String name = press.get().action().substring(Bank.QUICK_REPLY.length());
            String command = QuickReplies.command(name);
            return command == null ? say(turn.state(), language, "conversation.pay.stale") : text(turn, command, false);
        }
        if (press.isPresent() && press.get().action().startsWith(Bank.CAMPAIGN_BUTTON)) {
            return campaignButton(turn, language, press.get().action());
        }
        if (press.isPresent() && press.get().action().startsWith(Bank.STOP_OFFERS)) {
            // one tap under a campaign message withdraws marketing on this chat, linked or not (issue 17)
            turn.bank().stopMarketing(press.get().action(), false);
            return say(dropForm(turn.state()), language, "consent.stop.confirmed");
        }
        if (press.isPresent() && press.get().action().startsWith(Bank.NOT_ME)) {
            return turn.linked().isPresent()
                    ? notMe(turn, language, press.get().action())
                    : links.offer(turn, language);
        }
        if (press.isPresent() && Answers.handlesPress(press.get().action())) {
            return assistant.press(turn, language, press.get().action());
        }
        Optional<Step> feature = press.flatMap(p -> features.press(turn, language, p.action()));
        return feature.isPresent() ? feature.get() : pay.button(turn, language, press);
    }

    /**
     * A campaign's own action button (issue 17 3.6): the press is counted for the campaign, then the
     * action is done as if its command were typed.
     */
    private Step campaignButton(Turn turn, Language language, String action) {
        String[] parts = action.substring(Bank.CAMPAIGN_BUTTON.length()).split(":", 3);
        Optional<java.util.UUID> campaign = parts.length == 3 ? Uuids.parse(parts[0]) : Optional.empty();
        String command = parts.length == 3 ? QuickReplies.command(parts[2]) : null;
        if (campaign.isEmpty() || command == null || !parts[1].matches("[1-9]")) {
            return say(turn.state(), language, "conversation.pay.stale");
        }
        turn.bank().campaignButtonPressed(campaign.get(), Integer.parseInt(parts[1]));
        return text(turn, command, false);
    }

    /**
     * Whether any word of the text is a claim code, e.g. "here is my code CLAIM-7K3Q9X" (a text is
     * at most {@link Inbound#TEXT_LENGTH_MAX} characters).
     */
    static boolean showsClaimCode(String text) {
        return Arrays.stream(text.split("\\s+")).anyMatch(Payments::looksLikeClaimCode);
    }

    /** What the group hears when the answer went to the sender's private chat. */
    public String privateNote(Language language, String handle) {
        return addressed(handle, texts.text(language, "conversation.group.private"));
    }

    /**
     * What the group hears when the answer is private and the sender's private chat is not open
     * (never opened, or the bot blocked): a bot may not write first, so nothing was sent there.
     */
    public String openPrivateChatNote(Language language, String handle) {
        return addressed(handle, texts.text(language, "conversation.group.open_private"));
    }

    private static String addressed(String handle, String note) {
        return handle == null || handle.isBlank() ? note : "@" + handle + " " + note;
    }

    /** A typed text: a claim code or a wish not offered, a feature's own words, else the parser's reading. */
    private Step text(Turn turn, String text, boolean inGroup) {
        Optional<Step> early = claimOrNotOffered(turn, text, inGroup)
                .or(() -> formDeclined(turn, text))
                .or(() -> assistant.notIt(turn, text))
                .or(() -> features.read(turn, text));
        if (early.isPresent()) {
            return early.get();
        }
        Optional<String> question = org.socialbank.assistant.FeatureQuestions.english(text);
        if (question.isPresent() && text.chars().noneMatch(Character::isDigit)) {
            // issue 18 R.2: "how do I top up my phone", "how do I pay my electricity bill": a question
            // about a feature BANKING77 has no intent for, with no number to act on yet (the parser
            // would read "pay" as a payment)
            return assistant.answered(turn, Language.EN, question.get(), text);
        }
        return parsed(turn, text, inGroup);
    }

    /**
     * A whole-text "no" or "that's not it" ("нет", "不对", "نیست") while a form asks its question is
     * the form's: the payment is cancelled, as its Cancel button would; the assistant never reads it
     * as "not it" then (review 2026-12-07 assistant follow-up).
     */
    private Optional<Step> formDeclined(Turn turn, String text) {
        if (turn.state().form() == null) {
            return Optional.empty();
        }
        return Answers.no(text)
                .map(said -> say(
                        dropForm(turn.state()),
                        turn.chosen() != null ? turn.chosen() : said,
                        "conversation.pay.cancelled"));
    }

    /** A claim code (never looked up in a group), or something the bank does not offer ("buy bitcoin"). */
    private Optional<Step> claimOrNotOffered(Turn turn, String text, boolean inGroup) {
        Language chosen = turn.chosen() != null ? turn.chosen() : Language.EN;
        if (inGroup && showsClaimCode(text)) {
            // a code in a group or a public post is everyone's: it proves nothing, and is not even
            // looked up, so nobody who copies it can spend the claim's attempts from here
            return Optional.of(
                    say(turn.state(), chosen, "conversation.claim.public").shared());
        }
        Optional<Boolean> claimed = inGroup ? Optional.empty() : turn.bank().claimCode(text);
        if (claimed.isPresent()) {
            return Optional.of(say(
                    turn.state(), chosen, claimed.get() ? "conversation.claim.proven" : "conversation.claim.unknown"));
        }
        if (org.socialbank.conversation.language.NotOffered.asks(text)) { // issue 13: "buy bitcoin": not yet, said so
            Language language = turn.chosen() != null
                    ? turn.chosen()
                    : org.socialbank.conversation.language.NotOffered.language(text)
                            .orElseGet(() -> parser.parse(text, Optional.empty(), Context.of(turn.channel(), null))
                                    .language());
            return Optional.of(
                    say(turn.state(), language, "conversation.not_offered").shared());
        }
        return Optional.empty();
    }

    /** The parser's reading: a payment form's missing part, the assistant's second opinion, else its intent. */
    private Step parsed(Turn turn, String text, boolean inGroup) {
        ParsedCommand command = parse(turn, text);
        Language language = turn.chosen() != null ? turn.chosen() : command.language();
        if (command.tooManyPayees() && mayNamePayees(command, turn)) {
            return say(turn.state(), language, "conversation.payees.too_many", ParsedCommand.PAYEES_MAX);
        }
        if (turn.ownsForm() && command.intent() == Intent.UNKNOWN && PayDialogue.fillsSlots(command)) {
            return pay.fill(turn, language, turn.state(), command);
        }
        Optional<Step> opinion = assistant.secondOpinion(turn, language, command, text);
        if (opinion.isPresent()) {
            return opinion.get();
        }
        return intent(turn, language, command, text, inGroup);
    }

    private ParsedCommand parse(Turn turn, String text) {
        Context context = Context.of(turn.channel(), null);
        ParsedCommand command = parser.parse(text, Optional.ofNullable(turn.chosen()), context);
        if (turn.linked().isEmpty() || !mayNamePayees(command, turn)) {
            return command;
        }
        // the recent payees cost queries: read them only when a name could be a payee here
        return parser.parse(
                text,
                Optional.ofNullable(turn.chosen()),
                context.withRecentPayees(
                        recentNames(turn.bank(), turn.linked().get().customerId())));
    }

    private Step intent(Turn turn, Language language, ParsedCommand command, String text, boolean inGroup) {
        DialogueState state = turn.state();
        return switch (command.intent()) {
            case HELP -> quickReplies.help(turn, language, inGroup);
            case THANKS -> say(state, language, "conversation.thanks").shared();
            case LANGUAGE -> language(turn, language, command);
            case BRANCHES -> branches.named(state, language, turn.bank(), text).shared();
            case CANCEL ->
                state.form() != null
                        ? say(dropForm(state), language, "conversation.pay.cancelled")
                        : say(state, language, "conversation.cancel.nothing");
            case BACK -> turn.ownsForm() ? pay.back(turn, language) : say(state, language, "conversation.back.nothing");
            case LINK ->
                turn.linked().isPresent()
                        ? say(state, language, "conversation.link.already")
                        : links.offerWithPhone(turn, language);
            case UNLINK ->
                turn.linked().isPresent() && turn.bank().unlink()
                        ? say(dropForm(state).keepingLanguage(language), language, "conversation.unlink.done")
                        : say(state, language, "conversation.unlink.not_linked");
            case STOP -> stop(turn, language, text);
            case APPOINTMENT -> appointment(turn, language, text);
            case SWEEP -> sweep(turn, language, text);
            case UNKNOWN -> unknown(turn, language, command, text, inGroup);
            default -> turn.linked().isEmpty() ? links.offer(turn, language) : privately(turn, language, command, text);
        };
    }

    /** Issue 13: the linked customer's one language, pages included; else which one. */
    private Step language(Turn turn, Language language, ParsedCommand command) {
        DialogueState state = turn.state();
        return command.targetLanguage()
                .map(target -> {
                    turn.bank().chooseLanguage(target);
                    return say(state.withLanguage(target), target, "conversation.language.switched");
                })
                .orElseGet(() -> say(state, language, "conversation.language.which"))
                .shared();
    }

    /** "stop": no marketing on this chat; mid-payment it cancels the payment too, and says so. */
    private Step stop(Turn turn, Language language, String text) {
        DialogueState state = turn.state();
        turn.bank().stopMarketing(text, false);
        if (state.form() == null) {
            return say(state, language, "consent.stop.confirmed");
        }
        return new Step(
                dropForm(state),
                List.of(
                        new Outbound.Text(texts.text(language, "conversation.pay.cancelled")),
                        new Outbound.Text(texts.text(language, "consent.stop.confirmed"))),
                language);
    }

    private Step appointment(Turn turn, Language language, String text) {
        if (AppointmentDialogue.publicHere(turn)) {
            return appointments.publicAnswer(turn, language);
        }
        return turn.linked().isEmpty() ? links.offer(turn, language) : appointments.start(turn, language, text);
    }

    private Step sweep(Turn turn, Language language, String text) {
        if (SweepDialogue.publicHere(turn)) {
            return sweeping.publicAnswer(turn, language);
        }
        return turn.linked().isEmpty() ? links.offer(turn, language) : sweeping.start(turn, language, text);
    }

    /** A text the parser read no intent in: the amount hint for a wrong amount, else the assistant. */
    private Step unknown(Turn turn, Language language, ParsedCommand command, String text, boolean inGroup) {
        if (command.amountProblem().isEmpty()) {
            return assistant.unknown(turn, language, text, inGroup);
        }
        // the amount hint's examples hold amounts: a group is shown its own help instead
        return QuickReplies.groupChat(turn, inGroup)
                ? quickReplies.help(turn, language, true)
                : new Step(turn.state(), List.of(new Outbound.Text(Hints.amount(language))), language).shared();
    }

    private Step privately(Turn turn, Language language, ParsedCommand command, String text) {
        CustomerId customer = turn.linked().orElseThrow().customerId();
        return switch (command.intent()) {
            case BALANCE ->
                quickReplies.quick(
                        history.balance(turn, language, customer), turn, language, List.of("history", "pay"));
            case MORE -> history.more(turn, language, customer);
            case HISTORY -> history.latest(turn, language, customer, text);
            case PAY -> pay.start(turn, language, customer, command);
            case REQUEST -> requests.ask(turn, language, customer, command);
            case SPLIT -> requests.split(turn, language, customer, command);
            case REQUESTS -> openRequests.list(turn, language, customer);
            case REMIND -> openRequests.remind(turn, language, customer, command);
            case CANCEL_REQUEST -> openRequests.cancel(turn, language, customer, command);
            case ACCOUNT -> accountAnswers.accountNumbers(turn, language, customer);
            case LIMITS -> accountAnswers.limits(turn, language, customer, command);
            case SPENDING -> accountAnswers.spending(turn, language, customer);
            default -> say(turn.state(), language, "conversation.not_yet");
        };
    }

    /** Whether the text moves money, or may name a payee of the form under way ("Bob", "Bob 10"). */
    private static boolean mayNamePayees(ParsedCommand command, Turn turn) {
        return switch (command.intent()) {
            case PAY, REQUEST, SPLIT, REMIND, CANCEL_REQUEST -> true;
            case UNKNOWN -> turn.ownsForm() || command.amount().isPresent();
            default -> false;
        };
    }

    private static List<String> recentNames(Bank bank, CustomerId payer) {
        return bank.recentPayees(payer).stream()
                .flatMap(r -> r.names().stream())
                .filter(n -> !n.isBlank() && n.length() <= Context.NAME_LENGTH_MAX)
                .distinct()
                .limit(Context.RECENT_PAYEES_MAX)
                .toList();
    }

    static DialogueState dropForm(DialogueState state) {
        return state.form() == null ? state : state.replaceForm(null);
    }

    private Step say(DialogueState state, Language language, String key, Object... args) {
        return new Step(state, List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    /** "history 20" (in any digits: "تاریخچه ۲۰"): how many lines, 1 to 20; else the default. */
    public static int historyCount(String text) {
        return HistoryDialogue.count(text);
    }

    /** The message key naming a bill's service type (water, gas...), empty for a configured label shown as is. */
    public static Optional<String> billServiceKey(String serviceType) {
        return BillDialogue.NAMED_SERVICES.contains(serviceType)
                ? Optional.of("billing.service." + serviceType)
                : Optional.empty();
    }

    /** An amount in the reader's digits; a rial amount says its tomans too. */
    public static String amountWithToman(
            Texts texts, Language language, long amountMinor, org.socialbank.shared.CurrencyCode currency) {
        return BillDialogue.amount(texts, language, amountMinor, currency);
    }

    /** A bill's year digit and period ("7/01") in the reader's digits. */
    public static String billPeriod(Language language, org.socialbank.billing.IranianBill bill) {
        return BillDialogue.period(language, bill);
    }

    /** Whether the assistant's guess is sure of an intent the bank has an answer for (issue 19). */
    public static boolean answersSurely(Bank.Guess guess) {
        return Answers.handles(guess);
    }

    /** The intents the assistant's answers cover or route to a feature or a person (issue 18). */
    public static java.util.Set<String> routedIntents() {
        java.util.Set<String> all = new java.util.TreeSet<>(Answers.INTENTS);
        all.addAll(Answers.ROUTES.keySet());
        return all;
    }

    /** Every message key a dialogue may use, for the tests that check the bundles. */
    public static List<String> messageKeys() {
        List<String> keys = new ArrayList<>(List.of(
                "conversation.language.switched",
                "conversation.language.which",
                "conversation.pay.cancelled",
                "conversation.cancel.nothing",
                "conversation.link.already",
                "conversation.unlink.done",
                "conversation.unlink.not_linked",
                "conversation.not_yet",
                "conversation.group.private",
                "conversation.group.open_private",
                "conversation.back.nothing",
                "conversation.claim.proven",
                "conversation.claim.unknown",
                "conversation.thanks",
                "consent.stop.confirmed",
                "conversation.not_offered"));
        keys.addAll(QuickReplies.messageKeys());
        keys.addAll(LinkOffers.messageKeys());
        keys.addAll(HistoryDialogue.messageKeys());
        keys.addAll(BranchDialogue.messageKeys());
        keys.addAll(PayDialogue.messageKeys());
        keys.addAll(Answers.messageKeys());
        keys.addAll(RequestDialogue.messageKeys());
        keys.addAll(AppointmentDialogue.messageKeys());
        keys.addAll(SweepDialogue.messageKeys());
        keys.addAll(BillDialogue.messageKeys());
        keys.addAll(TopUpDialogue.messageKeys());
        keys.addAll(CardToCardDialogue.messageKeys());
        keys.addAll(SavedBillDialogue.messageKeys());
        keys.addAll(AccountBillDialogue.messageKeys());
        keys.addAll(List.of("alerts.not_me.locked", "alerts.not_me.no_card", "alerts.not_me.button"));
        keys.addAll(List.of("alerts.settings.page", "alerts.settings.page.button"));
        keys.addAll(CardReplies.messageKeys());
        keys.addAll(ServiceReplies.messageKeys());
        keys.addAll(OpenRequestsDialogue.messageKeys());
        keys.addAll(AccountAnswers.messageKeys());
        return keys;
    }
}
