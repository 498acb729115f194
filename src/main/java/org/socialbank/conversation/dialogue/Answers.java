package org.socialbank.conversation.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.conversation.Outbound;
import org.socialbank.shared.Language;
import org.socialbank.shared.Uuids;

/**
 * The assistant's knowledge base in the chat (issue 18): for the intents the bank can answer in
 * general terms, one answer per language from the assistant's knowledge base (markdown shipped in
 * the jar, overridden by staff in the console: {@code Bank.knowledge});
 * for the intents the chat can act on, a route to that feature (history, cards, card lock, branches)
 * or to a person; for an unsure guess, "not sure" and the three most probable intents as buttons.
 * Answers are generic (never the customer's data), so they may be shown in any chat, linked or not,
 * group or not; what a route shows of the customer's own data goes to a linked private chat only.
 * Under each answer, "did this help?" buttons; the votes are counted per intent for staff.
 */
final class Answers {

    /**
     * The intents answered: the knowledge base's 31 (BANKING77's 30 most frequent and a lost card),
     * understood in all five languages.
     */
    static final List<String> INTENTS = org.socialbank.assistant.KnowledgeBase.INTENTS;

    /** The customer's data an answer may name (the knowledge base's variables): her newest card's issue date. */
    static final String CARD_ISSUED_ON = "card_issued_on";

    /** The day the card bureau sent her newest card, once the bank has recorded it (card_arrival). */
    static final String CARD_DISPATCHED_ON = "card_dispatched_on";

    /**
     * Her newest payment of the last 30 days that paid nobody, whom to, when and why (failed_transfer,
     * declined_transfer): the bank's own reason, as the chat said it then.
     */
    static final String LAST_PAYMENT_REFUSED = "last_payment_refused";

    /** What the chat does for an intent it can act on, beside or instead of an answer. */
    enum Route {
        /** The customer's latest movements (private). */
        HISTORY,
        /** The customer's cards and their state (private). */
        CARDS,
        /** A button that locks every card of the customer at once (the chat's "lock my card"). */
        LOCK,
        /** Branches and cash machines: in the place the text names, else a request for a location. */
        BRANCHES,
        /** Only a person can do it: how to reach one here (the handoff's "agent"). */
        PERSON,
        /** The customer's balance (private): what a declined payment or withdrawal most often lacks. */
        BALANCE,
        /** Mobile top-up (issue 15): how to write one, "top up 0935... 50,000 rial"; general. */
        TOP_UP,
        /** Bill payment (issue 15): what to send to pay one, its ids; general (public networks: not here). */
        BILLS,
        /** Money requests (issue 12): how to ask someone to pay, then her open requests (private). */
        REQUESTS;

        /**
         * The lead-in shown when the knowledge base has no answer for a routed intent; TOP_UP, BILLS
         * and REQUESTS have one in every language since session 16 (the features' how-tos), so their
         * features' own texts here are only a fallback.
         */
        String lead() {
            return switch (this) {
                case TOP_UP -> "billing.topup.how"; // the feature's own how-to: the chat's top-up is one message away
                case BILLS -> "billing.chat.ask_ids";
                case REQUESTS -> "conversation.request.how";
                default -> "assistant.route." + name().toLowerCase(Locale.ROOT);
            };
        }
    }

    static final Map<String, Route> ROUTES = Map.ofEntries(
            Map.entry("pending_transfer", Route.HISTORY),
            Map.entry("pending_card_payment", Route.HISTORY),
            Map.entry("pending_cash_withdrawal", Route.HISTORY),
            Map.entry("pending_top_up", Route.HISTORY),
            Map.entry("balance_not_updated_after_bank_transfer", Route.HISTORY),
            Map.entry("balance_not_updated_after_cheque_or_cash_deposit", Route.HISTORY),
            Map.entry("transaction_charged_twice", Route.HISTORY),
            Map.entry("card_payment_not_recognised", Route.HISTORY),
            Map.entry("cash_withdrawal_not_recognised", Route.HISTORY),
            Map.entry("direct_debit_payment_not_recognised", Route.HISTORY),
            Map.entry("extra_charge_on_statement", Route.HISTORY),
            Map.entry("Refund_not_showing_up", Route.HISTORY),
            Map.entry("reverted_card_payment?", Route.HISTORY),
            Map.entry("transfer_timing", Route.HISTORY),
            Map.entry("card_arrival", Route.CARDS),
            Map.entry("card_delivery_estimate", Route.CARDS),
            Map.entry("activate_my_card", Route.CARDS),
            Map.entry("card_not_working", Route.CARDS),
            Map.entry("card_about_to_expire", Route.CARDS),
            Map.entry("lost_or_stolen_card", Route.LOCK),
            Map.entry("compromised_card", Route.LOCK),
            Map.entry("card_swallowed", Route.LOCK),
            Map.entry("atm_support", Route.BRANCHES),
            Map.entry("passcode_forgotten", Route.PERSON),
            Map.entry("unable_to_verify_identity", Route.PERSON),
            Map.entry("edit_personal_details", Route.PERSON),
            Map.entry("terminate_account", Route.PERSON),
            Map.entry("verify_source_of_funds", Route.PERSON),
            Map.entry("lost_or_stolen_phone", Route.PERSON),
            Map.entry("pin_blocked", Route.PERSON),
            // issue 18, the 30 most frequent intents: routed where the chat has the feature
            Map.entry("card_payment_fee_charged", Route.HISTORY),
            Map.entry("transfer_fee_charged", Route.HISTORY),
            Map.entry("wrong_amount_of_cash_received", Route.HISTORY),
            Map.entry("card_payment_wrong_exchange_rate", Route.HISTORY),
            Map.entry("wrong_exchange_rate_for_cash_withdrawal", Route.HISTORY),
            Map.entry("cancel_transfer", Route.HISTORY),
            Map.entry("top_up_reverted", Route.HISTORY),
            Map.entry("request_refund", Route.HISTORY),
            Map.entry("card_linking", Route.CARDS),
            Map.entry("declined_card_payment", Route.BALANCE),
            Map.entry("declined_cash_withdrawal", Route.BALANCE),
            // issue 18 R.2: BANKING77's "how can my friend send me money" is our money request; mobile
            // top-up and bill payment have no BANKING77 intent (its top-ups fill the account), so
            // they are our own intents (assistant.FeatureQuestions); so is sending money (session 26),
            // answered by its how-to, with no route: read on a "pay" command, the command stands
            // (SecondOpinion.confirms)
            Map.entry("receiving_money", Route.REQUESTS),
            Map.entry("contactless_not_working", Route.CARDS),
            Map.entry(org.socialbank.assistant.FeatureQuestions.MOBILE_TOP_UP, Route.TOP_UP),
            Map.entry(org.socialbank.assistant.FeatureQuestions.BILL_PAYMENT, Route.BILLS));

    /**
     * BANKING77 intents that ask what another intent's answer already says: "when will my card
     * arrive?" (card_delivery_estimate) is answered as card_arrival, with the card's issue date.
     */
    static final Map<String, String> SAME_ANSWER = org.socialbank.assistant.KnowledgeBase.SAME_ANSWER;

    static final String NOT_SURE = "assistant.not_sure";
    /** The reply to "no, that's not it". */
    static final String NOT_IT = "assistant.not_it";

    /**
     * "No, that's not it" in the five languages, the whole text (issue 18: repeated, it hands the
     * chat to a person through the handoff's streak of turns the assistant could not answer).
     */
    private static final Map<Language, java.util.regex.Pattern> NOT_IT_TEXT = Map.of(
            Language.EN,
                    notItPattern(
                            "(?:no+,? )?(?:that'?s|that is|it'?s|this is) (?:not it|wrong|not what i (?:asked|meant|wanted))"
                                    + "|not what i (?:asked|meant|wanted)|wrong answer|(?:that|it) (?:didn'?t|did not|does not|doesn'?t) help"),
            Language.FR,
                    notItPattern("(?:non,? )?(?:c'est|c est|ce n'est|ce n est) pas (?:ça|ca)"
                            + "|pas ce que (?:j'ai|j ai) demand[ée]|mauvaise r[ée]ponse|(?:ça|ca) (?:ne )?m'aide pas"),
            Language.RU, notItPattern("(?:нет,? )?(?:это )?не то|не помогло|не об этом|неправильный ответ"),
            Language.FA,
                    notItPattern(
                            "(?:نه،? |نه )?(?:این )?(?:نبود|نیست)|منظورم این نبود|کمکی نکرد|جواب اشتباه(?:ه| است)?"),
            Language.ZH, notItPattern("不是这个|不对|答非所问|没用|没有帮助"));

    /** The text without its punctuation around, its spaces (and ZWNJ) single: what the whole-text words match. */
    private static String bare(String text) {
        return text.strip()
                .replaceAll("[\\p{Punct}！。？，、…«»“”!?.,]+$", "")
                .replaceAll("^[\\p{Punct}]+", "")
                .replace('\u200c', ' ')
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static java.util.regex.Pattern notItPattern(String regex) {
        return java.util.regex.Pattern.compile(
                regex, java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
    }

    /** The language in which the whole text says the answer was not it (punctuation and case aside), if it does. */
    static Optional<Language> notIt(String text) {
        String bare = bare(text);
        if (bare.length() > 40) {
            return Optional.empty();
        }
        return NOT_IT_TEXT.entrySet().stream()
                .filter(e -> e.getValue().matcher(bare).matches())
                .map(Map.Entry::getKey)
                .findFirst();
    }
    /**
     * A bare "no" in the five languages, the whole text: an answer to an open form's question, never
     * the assistant's "not it" (review 2026-12-07 assistant follow-up).
     */
    private static final Map<Language, java.util.regex.Pattern> NO_TEXT = Map.of(
            Language.EN, notItPattern("no+|nope|nah"),
            Language.FR, notItPattern("non|nan"),
            Language.RU, notItPattern("нет|не"),
            Language.FA, notItPattern("نه|نخیر|نیست"),
            Language.ZH, notItPattern("不|不是|不要|不用"));

    /**
     * The language in which the whole text says "no" or "that's not it" (punctuation and case
     * aside), if it does: what an open form reads as its question declined.
     */
    static Optional<Language> no(String text) {
        String bare = bare(text);
        return NO_TEXT.entrySet().stream()
                .filter(e -> e.getValue().matcher(bare).matches())
                .map(Map.Entry::getKey)
                .findFirst()
                .or(() -> notIt(text));
    }

    /**
     * "assistant.feedback:{answer id}:{1|0}:{language}:#{text's hash}:{intent}": a vote on one
     * answer, against the text shown, under the intent whose text it was (review 2026-12-07
     * assistant follow-up); a button from before has no hash ("...:{language}:{intent}").
     */
    static final String FEEDBACK = "assistant.feedback:";
    /** "assistant.pick:{language}:{intent}": one of the three guesses of "not sure", chosen. */
    static final String PICK = "assistant.pick:";
    /** The lock button under a lost-card answer. */
    static final String LOCK = "assistant.lock";

    private Answers() {}

    /**
     * The knowledge base's answer to the intent, or to the intent whose answer it shares (not its
     * title: "not sure" may list both intents, each by its own name).
     */
    private static Optional<org.socialbank.assistant.KnowledgeBase.Answer> knowledge(
            Bank bank, Language language, String intent) {
        return bank.knowledge(language, SAME_ANSWER.getOrDefault(intent, intent));
    }

    /**
     * The variables of the customer's data the answer to the intent names in the language (none: a
     * general answer); a section staff wrote for a variable the intent's answer may not name (saved
     * before such a save was refused) is never filled, so its answer stays general (review 2026-12-07).
     */
    static java.util.Set<String> variables(Bank bank, Language language, String intent) {
        return knowledge(bank, language, intent)
                .map(a -> a.variants().keySet().stream()
                        .filter(variable -> org.socialbank.assistant.KnowledgeBase.mayName(a.intent(), variable))
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()))
                .orElse(java.util.Set.of());
    }

    /** Whether the guess is sure of an intent the chat answers or acts on. */
    static boolean handles(Bank.Guess guess) {
        return guess.sure()
                && (org.socialbank.assistant.KnowledgeBase.ANSWERED.contains(guess.intent())
                        || ROUTES.containsKey(guess.intent()));
    }

    static boolean handlesPress(String action) {
        return action.startsWith(FEEDBACK) || action.startsWith(PICK) || action.equals(LOCK);
    }

    /**
     * The answer (or, for a routed intent without one, the route's lead-in) with "did this help?"
     * buttons, and the lock button for a lost card; empty when the chat has nothing for the intent.
     */
    static Optional<Outbound> answer(Texts texts, Bank bank, Language language, String intent) {
        return answer(texts, bank, language, intent, Map.of());
    }

    /**
     * The same, with the customer's data the answer may name ({@code known}: variable to value;
     * empty outside a linked private chat, so a group or an unlinked chat never sees it).
     */
    static Optional<Outbound> answer(
            Texts texts, Bank bank, Language language, String intent, Map<String, String> known) {
        Route route = ROUTES.get(intent);
        String text = knowledge(bank, language, intent)
                .map(a -> a.shown(known))
                .orElseGet(() -> route != null ? texts.text(language, route.lead()) : null);
        if (text == null) {
            return Optional.empty();
        }
        List<Outbound.Button> buttons = new ArrayList<>();
        if (route == Route.LOCK) {
            buttons.add(new Outbound.Button(texts.text(language, "assistant.lock_button"), bank.button(LOCK, 0)));
        }
        String answer = UUID.randomUUID().toString();
        // the vote counts against the text shown, under the intent whose text it is (card_arrival's
        // for card_delivery_estimate): a staff edit starts a new count (review 2026-12-07 assistant follow-up)
        String shown = SAME_ANSWER.getOrDefault(intent, intent);
        String hash = knowledge(bank, language, intent)
                .map(org.socialbank.assistant.KnowledgeBase.Answer::hash)
                .orElse(org.socialbank.assistant.KnowledgeBase.NO_TEXT);
        for (boolean helpful : new boolean[] {true, false}) {
            String action =
                    FEEDBACK + answer + ":" + (helpful ? 1 : 0) + ":" + language.tag() + ":#" + hash + ":" + shown;
            buttons.add(new Outbound.Button(
                    texts.text(language, helpful ? "assistant.feedback.yes" : "assistant.feedback.no"),
                    bank.button(action, 0)));
        }
        return Optional.of(new Outbound.Buttons(text, buttons));
    }

    /** "Not sure", in the chat's language, with the three guesses as buttons (their titles). */
    static Outbound notSure(Texts texts, Bank bank, Bank.Guess guess, Language chat) {
        return notSure(texts, bank, guess, chat, List.of());
    }

    /**
     * The same, with {@code after} (a command one tap away) below the guesses; when the likeliest
     * guess is a lost or stolen card, the card lock too (reversible, and urgent if it is that).
     */
    static Outbound notSure(Texts texts, Bank bank, Bank.Guess guess, Language chat, List<Outbound.Button> after) {
        StringBuilder text = new StringBuilder(texts.text(chat, NOT_SURE));
        List<Outbound.Button> buttons = new ArrayList<>();
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (String intent : guess.alternatives()) {
            String title = title(texts, bank, chat, intent);
            if (!shown.add(title)) {
                continue; // two intents with one answer (card_delivery_estimate, card_arrival): one button
            }
            text.append("\n• ").append(title);
            buttons.add(new Outbound.Button(
                    title, bank.button(PICK + guess.language().tag() + ":" + intent, 0)));
        }
        if (!guess.alternatives().isEmpty() && ROUTES.get(guess.alternatives().get(0)) == Route.LOCK) {
            buttons.add(new Outbound.Button(texts.text(chat, "assistant.lock_button"), bank.button(LOCK, 0)));
        }
        buttons.addAll(after);
        return buttons.isEmpty() ? new Outbound.Text(text.toString()) : new Outbound.Buttons(text.toString(), buttons);
    }

    /**
     * A vote of a feedback button: {answer id, helpful, language, text's hash (null on a button
     * from before it had one), intent}; empty when malformed.
     */
    record Vote(UUID answer, boolean helpful, Language language, String answerHash, String intent) {

        static Optional<Vote> of(String action) {
            String[] parts = action.substring(FEEDBACK.length()).split(":", 5);
            if (parts.length < 4) {
                return Optional.empty();
            }
            boolean hashed = parts.length == 5 && parts[3].startsWith("#");
            String hash = hashed ? parts[3].substring(1) : null;
            String intent =
                    hashed ? parts[4] : action.substring(FEEDBACK.length()).split(":", 4)[3];
            return Language.fromTag(parts[2])
                    .flatMap(l -> Uuids.parse(parts[0])
                            .map(answer -> new Vote(answer, parts[1].equals("1"), l, hash, intent)));
        }
    }

    /** The language a reply to the guess is in. */
    static Language language(Bank.Guess guess, Language chat) {
        return guess.sure() ? guess.language() : chat;
    }

    /**
     * The routed intents without an answer of their own nor a shared one (transfer_timing,
     * pin_blocked, 13 of them): their titles (a "not sure" button's label) are messages, in the five
     * languages (session 19: fr/ru/fa/zh tell them apart since). Derived, so a new route without an
     * answer needs its message (the bundles' tests read {@link #messageKeys}).
     */
    static final List<String> TITLED_BY_MESSAGE = ROUTES.keySet().stream()
            .filter(intent -> !org.socialbank.assistant.KnowledgeBase.ANSWERED.contains(intent))
            .filter(intent -> !SAME_ANSWER.containsKey(intent))
            .sorted()
            .toList();

    /**
     * An intent's title in the language: its answer's, a routed intent's message, the title of the
     * answer it shares ({@link #SAME_ANSWER}); else its name ("card_arrival" -> "Card arrival").
     */
    static String title(Texts texts, Bank bank, Language language, String intent) {
        if (TITLED_BY_MESSAGE.contains(intent)) {
            return texts.text(language, "assistant.title." + intent);
        }
        Optional<String> written = bank.knowledge(language, SAME_ANSWER.getOrDefault(intent, intent))
                .map(org.socialbank.assistant.KnowledgeBase.Answer::title);
        if (written.isPresent()) {
            return written.get();
        }
        String words = intent.replace('_', ' ').replace("?", "");
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    static List<String> messageKeys() {
        List<String> keys = new ArrayList<>(List.of(
                NOT_SURE,
                NOT_IT,
                "assistant.feedback.yes",
                "assistant.feedback.no",
                "assistant.feedback.thanks",
                "assistant.feedback.sorry",
                "assistant.feedback.counted",
                "assistant.lock_button",
                "assistant.not_paid",
                "assistant.not_paid.not_confirmed",
                "assistant.not_paid.expired",
                "assistant.not_paid.payout_failed",
                "assistant.not_paid.return_held"));
        for (Route route : Route.values()) {
            keys.add(route.lead());
        }
        for (String intent : TITLED_BY_MESSAGE) {
            keys.add("assistant.title." + intent);
        }
        return keys;
    }
}
