package org.socialbank.conversation.dialogue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.language.AlertCommand;
import org.socialbank.conversation.language.CardCommand;
import org.socialbank.conversation.language.CommandParser;
import org.socialbank.conversation.language.Context;
import org.socialbank.conversation.language.Hints;
import org.socialbank.conversation.language.Intent;
import org.socialbank.conversation.language.ParsedCommand;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Language;
import org.socialbank.directory.Network;
import org.socialbank.services.Branch;
import org.socialbank.services.Branches;
import org.socialbank.shared.Dates;
import org.socialbank.shared.Money;

/**
 * Turns one message into replies and the conversation's next state. Public answers (help,
 * language, branches, hints) for everyone; private ones (balance, history, pay) only for a linked
 * chat account, which others are offered a one-time link for. In a group only public answers are
 * shared; the engine sends the others to the sender's private chat. Stateless and thread-safe.
 */
public final class Dialogue {

    public static final int HISTORY_MAX = 5;
    static final int BRANCHES_SHOWN = 3;
    /** Words of one text the branch search looks up at most (security review #9: one LIKE scan each). */
    static final int BRANCH_WORDS_MAX = 8;
    /** Networks whose shared contact proves the number is the sender's own. */
    static final java.util.Set<Network> PHONE_VOUCHING = java.util.EnumSet.of(Network.TELEGRAM, Network.BALE,
            Network.WHATSAPP);

    private final CommandParser parser = new CommandParser();
    private final Texts texts;
    private final Duration formTtl;
    private final PayDialogue pay;
    private final RequestDialogue requests;
    private final AppointmentDialogue appointments;
    private final SweepDialogue sweeping;
    private final CardReplies cards;

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
            return say(state, language, "conversation.help").shared();
        }
        if (content instanceof Inbound.Location location) {
            return nearest(state, language, bank, location.lat(), location.lon()).shared();
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
        java.util.UUID alert;
        try {
            alert = java.util.UUID.fromString(action.substring(Bank.NOT_ME.length()));
        } catch (IllegalArgumentException e) {
            return say(turn.state(), language, "conversation.pay.stale");
        }
        int locked = turn.bank().reportNotMe(turn.linked().orElseThrow().customerId(), alert);
        return new Step(dropForm(turn.state()), List.of(new Outbound.Text(texts.text(language,
                locked > 0 ? "alerts.not_me.locked" : "alerts.not_me.no_card", locked))), language);
    }

    /** A press: a request alert's Pay or Decline, else a button of the payment form. */
    private Step button(Turn turn, Language language, String reference) {
        Optional<Bank.Press> press = turn.bank().press(reference);
        if (press.isPresent() && RequestDialogue.handles(press.get().action())) {
            return turn.linked().isPresent() ? requests.press(turn, language, press.get().action())
                    : offerLink(turn, language);
        }
        if (press.isPresent() && press.get().action().startsWith(Bank.NOT_ME)) {
            return turn.linked().isPresent() ? notMe(turn, language, press.get().action()) : offerLink(turn, language);
        }
        if (press.isPresent() && AppointmentDialogue.handles(press.get().action())) {
            return turn.linked().isPresent() && !AppointmentDialogue.publicHere(turn)
                    ? appointments.press(turn, language, press.get().action()) : offerLink(turn, language);
        }
        return pay.button(turn, language, press);
    }

    /** What the group hears when the answer went to the sender's private chat. */
    public String privateNote(Language language, String handle) {
        String note = texts.text(language, "conversation.group.private");
        return handle == null || handle.isBlank() ? note : "@" + handle + " " + note;
    }

    private Step text(Turn turn, String text) {
        Optional<Boolean> claimed = turn.bank().claimCode(text);
        Language chosen = turn.chosen() != null ? turn.chosen() : Language.EN;
        if (claimed.isPresent()) {
            return say(turn.state(), chosen, claimed.get() ? "conversation.claim.proven" : "conversation.claim.unknown");
        }
        Optional<AlertCommand> alerts = AlertCommand.read(text);
        if (alerts.isPresent()) { // issue 17: "alerts off", "alerts min 100", "send alerts to WeChat"
            return turn.linked().isEmpty() ? offerLink(turn, chosen) : alerts(turn, chosen, alerts.get());
        }
        Optional<CardCommand> card = CardCommand.read(text);
        if (card.isPresent()) { // issue 16: "my cards", "lock my card", "信用卡账单"
            return cardCommand(turn, card.get());
        }
        Context context = Context.of(turn.channel(), null);
        ParsedCommand command = parser.parse(text, Optional.ofNullable(turn.chosen()), context);
        if (turn.linked().isPresent() && mayNamePayees(command, turn)) {
            // the recent payees cost queries: read them only when a name could be a payee here
            command = parser.parse(text, Optional.ofNullable(turn.chosen()),
                    context.withRecentPayees(recentNames(turn.bank(), turn.linked().get().customerId())));
        }
        Language language = turn.chosen() != null ? turn.chosen() : command.language();
        DialogueState state = turn.state();
        Intent intent = command.intent();
        if (command.tooManyPayees() && mayNamePayees(command, turn)) {
            return say(state, language, "conversation.payees.too_many", ParsedCommand.PAYEES_MAX);
        }
        if (turn.ownsForm() && intent == Intent.UNKNOWN && PayDialogue.fillsSlots(command)) {
            return pay.fill(turn, language, state, command);
        }
        switch (intent) {
            case HELP:
                return say(state, language, "conversation.help").shared();
            case THANKS:
                return say(state, language, "conversation.thanks").shared();
            case LANGUAGE:
                return command.targetLanguage()
                        .map(target -> say(state.withLanguage(target), target, "conversation.language.switched"))
                        .orElseGet(() -> say(state, language, "conversation.language.which")).shared();
            case BRANCHES:
                return branches(state, language, turn.bank(), text).shared();
            case CANCEL:
                return state.form() != null ? say(dropForm(state), language, "conversation.pay.cancelled")
                        : say(state, language, "conversation.cancel.nothing");
            case BACK:
                return turn.ownsForm() ? pay.back(turn, language) : say(state, language, "conversation.back.nothing");
            case LINK:
                return turn.linked().isPresent() ? say(state, language, "conversation.link.already")
                        : offerLinkOrPhone(turn, language);
            case UNLINK:
                return turn.linked().isPresent() && turn.bank().unlink()
                        ? say(dropForm(state).keepingLanguage(language), language, "conversation.unlink.done")
                        : say(state, language, "conversation.unlink.not_linked");
            case STOP:
                turn.bank().stopMarketing(text, false);
                if (state.form() != null) { // "stop" mid-payment cancels it too, and says so
                    return new Step(dropForm(state), List.of(
                            new Outbound.Text(texts.text(language, "conversation.pay.cancelled")),
                            new Outbound.Text(texts.text(language, "consent.stop.confirmed"))), language);
                }
                return say(state, language, "consent.stop.confirmed");
            case APPOINTMENT:
                if (AppointmentDialogue.publicHere(turn)) {
                    return appointments.publicAnswer(turn, language);
                }
                return turn.linked().isEmpty() ? offerLink(turn, language) : appointments.start(turn, language, text);
            case SWEEP:
                if (SweepDialogue.publicHere(turn)) {
                    return sweeping.publicAnswer(turn, language);
                }
                return turn.linked().isEmpty() ? offerLink(turn, language) : sweeping.start(turn, language, text);
            case UNKNOWN:
                return command.amountProblem().isPresent()
                        ? new Step(state, List.of(new Outbound.Text(Hints.amount(language))), language).shared()
                        : assistant(turn, language, text).shared();
            default:
                return turn.linked().isEmpty() ? offerLink(turn, language) : privately(turn, language, command, text);
        }
    }

    /**
     * A text the parser declined: the assistant's answer when it is sure of an intent we can answer,
     * "not sure" and its three guesses when it is not, else the hint (issue 18). Generic, so shared.
     */
    private Step assistant(Turn turn, Language language, String text) {
        Optional<Bank.Guess> guess = turn.bank().guess(text);
        Optional<String> answer = guess.flatMap(g -> Answers.reply(texts, g, language));
        return answer.isPresent()
                ? new Step(turn.state(), List.of(new Outbound.Text(answer.get())), Answers.language(guess.get(), language))
                : new Step(turn.state(), List.of(new Outbound.Text(Hints.unknown(language))), language);
    }

    /** A card command: private, so only in a linked chat; others are offered the link. */
    private Step cardCommand(Turn turn, CardCommand command) {
        Language language = turn.chosen() != null ? turn.chosen() : command.language();
        if (turn.linked().isEmpty()) {
            return offerLink(turn, language);
        }
        return new Step(turn.state(), cards.answer(turn.bank(), turn.linked().get().customerId(), command, language),
                language);
    }

    private Step alerts(Turn turn, Language language, AlertCommand command) {
        Bank.AlertsAnswer answer = turn.bank().changeAlerts(turn.linked().orElseThrow().customerId(), command, language);
        String argument = answer.key().equals("alerts.settings.channel") || answer.key().equals("alerts.settings.channel_public")
                ? texts.text(language, "channel." + answer.argument()) : answer.argument();
        return say(turn.state(), language, answer.key(), argument);
    }

    private Step privately(Turn turn, Language language, ParsedCommand command, String text) {
        CustomerId customer = turn.linked().orElseThrow().customerId();
        return switch (command.intent()) {
            case BALANCE -> balance(turn, language, customer);
            case HISTORY -> history(turn, language, customer, text);
            case PAY -> pay.start(turn, language, customer, command);
            case REQUEST -> requests.ask(turn, language, customer, command);
            case SPLIT -> requests.split(turn, language, customer, command);
            default -> say(turn.state(), language, "conversation.not_yet");
        };
    }

    /** Whether the text moves money, or may name a payee of the form under way ("Bob", "Bob 10"). */
    private static boolean mayNamePayees(ParsedCommand command, Turn turn) {
        return switch (command.intent()) {
            case PAY, REQUEST, SPLIT -> true;
            case UNKNOWN -> turn.ownsForm() || command.amount().isPresent();
            default -> false;
        };
    }

    private static List<String> recentNames(Bank bank, CustomerId payer) {
        return bank.recentPayees(payer).stream().flatMap(r -> r.names().stream())
                .filter(n -> !n.isBlank() && n.length() <= Context.NAME_LENGTH_MAX).distinct()
                .limit(Context.RECENT_PAYEES_MAX).toList();
    }

    /**
     * "link": the sign-in link, and where the network vouches for a shared contact (Telegram's
     * {@code contact.user_id == from.id}, a WhatsApp number) a one-tap "share my phone" too.
     */
    private Step offerLinkOrPhone(Turn turn, Language language) {
        Step link = offerLink(turn, language);
        if (!PHONE_VOUCHING.contains(turn.channel())) {
            return link;
        }
        List<Outbound> replies = new ArrayList<>(link.replies());
        replies.add(new Outbound.AskPhone(texts.text(language, "conversation.link.share_phone"),
                texts.text(language, "conversation.link.share_phone_button")));
        return new Step(link.state(), replies, language);
    }

    private Step offerLink(Turn turn, Language language) {
        return new Step(turn.state(), List.of(new Outbound.Link(texts.text(language, "conversation.link.needed"),
                texts.text(language, "conversation.link.button"), turn.bank().linkUrl())), language);
    }

    private Step balance(Turn turn, Language language, CustomerId customer) {
        List<Bank.Balance> balances = turn.bank().balances(customer);
        if (balances.isEmpty()) {
            return say(turn.state(), language, "conversation.balance.none");
        }
        StringBuilder text = new StringBuilder(texts.text(language, "conversation.balance.title"));
        for (Bank.Balance b : balances) {
            String available = Money.format(b.amountMinor(), b.currency(), language.locale());
            // issue 13: what can be spent, and apart from it what waits to be claimed or confirmed
            text.append('\n').append(b.reservedMinor() == 0 ? available : texts.text(language,
                    "conversation.balance.reserved", available,
                    Money.format(b.reservedMinor(), b.currency(), language.locale())));
        }
        return new Step(turn.state(), List.of(new Outbound.Text(text.toString())), language);
    }

    private Step history(Turn turn, Language language, CustomerId customer, String text) {
        int wanted = historyCount(text);
        List<Bank.Movement> movements = turn.bank().history(customer, wanted);
        if (movements.isEmpty()) {
            return say(turn.state(), language, "conversation.history.none");
        }
        StringBuilder lines = new StringBuilder(texts.text(language, "conversation.history.title"));
        for (Bank.Movement m : movements) {
            lines.append('\n').append(historyLine(m, language));
        }
        if (movements.size() == wanted && wanted < HISTORY_PAGE_MAX) {
            lines.append("\n\n").append(texts.text(language, "conversation.history.more", HISTORY_PAGE_MAX));
        }
        return new Step(turn.state(), List.of(new Outbound.Text(lines.toString())), language);
    }

    /** The most lines one "history N" shows. */
    public static final int HISTORY_PAGE_MAX = 20;

    /** "history 20" (in any digits: "تاریخچه ۲۰"): how many lines, 1 to 20; else the default. */
    public static int historyCount(String text) {
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
        return seen && value >= 1 ? Math.min(value, HISTORY_PAGE_MAX) : HISTORY_MAX;
    }

    /** "−€5.00 to Camille D. · 2 Dec 2026, 14:05 · ref. 1a2b3c4d", with the escrow's state. */
    private String historyLine(Bank.Movement m, Language language) {
        String amount = Money.format(m.amountMinor(), m.currency(), language.locale());
        String who = m.counterparty() == null ? "—"
                : m.counterparty().equals("bank:interbank_settlement") ? texts.text(language, "alerts.counterparty.external")
                : m.counterparty().startsWith("bank:") ? texts.text(language, "alerts.counterparty.bank")
                : m.counterparty();
        String line = texts.text(language, m.outgoing() ? "conversation.history.out" : "conversation.history.in",
                amount, who, Dates.dateTime(m.at(), language.locale()));
        if (m.state() != null) {
            line += " · " + texts.text(language, "conversation.history.state." + m.state());
        }
        return m.reference() == null ? line : line + " · " + texts.text(language, "conversation.history.reference",
                m.reference());
    }

    /** Branches in a place the text names ("branches in Paris"), else a request for the location. */
    private Step branches(DialogueState state, Language language, Bank bank, String text) {
        Map<String, Branch> found = new LinkedHashMap<>();
        java.util.Set<String> looked = new java.util.HashSet<>();
        for (String word : text.split("[\\s,.!?،؟。，！？]+")) {
            int length = word.codePointCount(0, word.length());
            boolean ideographic = word.codePoints().anyMatch(Character::isIdeographic);
            if ((length >= 3 || ideographic && length >= 2) && !word.startsWith("/") && !word.startsWith("#")
                    && looked.size() < BRANCH_WORDS_MAX && looked.add(word)) {
                bank.branchesIn(word, BRANCHES_SHOWN).forEach(b -> found.putIfAbsent(b.id(), b));
            }
        }
        if (found.isEmpty()) {
            return say(state, language, "conversation.branches.ask_location");
        }
        List<Outbound.Place> places = found.values().stream().limit(BRANCHES_SHOWN)
                .map(b -> place(language, b, texts.text(language, "conversation.branches.detail", b.address(), hours(language, b))))
                .toList();
        return new Step(state, List.of(new Outbound.Places(texts.text(language, "conversation.branches.title"), places)),
                language);
    }

    private Step nearest(DialogueState state, Language language, Bank bank, double lat, double lon) {
        List<Branches.Nearby> nearby = bank.branchesNear(lat, lon, BRANCHES_SHOWN);
        if (nearby.isEmpty()) {
            return say(state, language, "conversation.branches.none");
        }
        List<Outbound.Place> places = nearby.stream().map(n -> place(language, n.branch(),
                texts.text(language, "conversation.branches.detail_distance", n.branch().address(),
                        hours(language, n.branch()), distance(language, n.metres())))).toList();
        return new Step(state, List.of(new Outbound.Places(texts.text(language, "conversation.branches.nearest"), places)),
                language);
    }

    private String hours(Language language, Branch b) {
        return b.hours().isEmpty() ? texts.text(language, "conversation.branches.always_open") : b.hours();
    }

    private static Outbound.Place place(Language language, Branch b, String detail) {
        return new Outbound.Place(b.name(), detail, b.lat(), b.lon());
    }

    private static String distance(Language language, long metres) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(language.locale());
        format.setMaximumFractionDigits(1);
        return metres < 1_000 ? format.format(metres) + " m" : format.format(metres / 1_000.0) + " km";
    }

    private Step contact(Turn turn, Language language, Inbound.Contact contact) {
        if (!contact.own()) {
            return say(turn.state(), language, "conversation.contact.not_own");
        }
        if (turn.linked().isPresent()) {
            return say(turn.state(), language, "conversation.link.already");
        }
        // on success the IdentityLinked listener says "you are linked"
        return turn.bank().linkByPhone(contact.phone()) ? new Step(turn.state(), List.of(), language)
                : say(turn.state(), language, "conversation.contact.unknown");
    }

    static DialogueState dropForm(DialogueState state) {
        return state.form() == null ? state : state.replaceForm(null);
    }

    private Step say(DialogueState state, Language language, String key, Object... args) {
        return new Step(state, List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    /** The sentence that tells a payer why a payment was refused. */
    public static String refusalKey(org.socialbank.payments.PaymentRejection rejection) {
        return Refusals.key(rejection);
    }

    /** Whether the assistant's guess is sure of an intent the bank has an answer for (issue 19). */
    public static boolean answersSurely(Bank.Guess guess) {
        return guess.sure() && Answers.INTENTS.contains(guess.intent());
    }

    /** Every message key a dialogue may use, for the tests that check the bundles. */
    public static List<String> messageKeys() {
        List<String> keys = new ArrayList<>(List.of("conversation.help", "conversation.language.switched",
                "conversation.language.which", "conversation.pay.cancelled", "conversation.cancel.nothing",
                "conversation.link.already", "conversation.unlink.done", "conversation.unlink.not_linked",
                "conversation.not_yet", "conversation.link.needed", "conversation.link.button",
                "conversation.balance.none", "conversation.balance.title", "conversation.balance.reserved",
                "conversation.history.none", "conversation.history.out", "conversation.history.in",
                "conversation.history.more", "conversation.history.reference", "conversation.history.state.pending",
                "conversation.history.state.posted", "conversation.history.state.voided",
                "conversation.history.state.expired",
                "conversation.history.title", "conversation.contact.not_own", "conversation.contact.unknown",
                "conversation.group.private", "conversation.back.nothing", "conversation.branches.ask_location",
                "conversation.branches.title", "conversation.branches.detail", "conversation.branches.nearest",
                "conversation.branches.detail_distance", "conversation.branches.always_open",
                "conversation.branches.none", "conversation.claim.proven", "conversation.claim.unknown",
                "conversation.link.share_phone", "conversation.link.share_phone_button", "conversation.thanks",
                "consent.stop.confirmed"));
        keys.addAll(PayDialogue.messageKeys());
        keys.addAll(Answers.messageKeys());
        keys.addAll(RequestDialogue.messageKeys());
        keys.addAll(AppointmentDialogue.messageKeys());
        keys.addAll(SweepDialogue.messageKeys());
        keys.addAll(List.of("alerts.not_me.locked", "alerts.not_me.no_card", "alerts.not_me.button"));
        keys.addAll(CardReplies.messageKeys());
        return keys;
    }
}
