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
 * general terms, one answer per language in the message bundles ({@code assistant.answer.<intent>});
 * for the intents the chat can act on, a route to that feature (history, cards, card lock, branches)
 * or to a person; for an unsure guess, "not sure" and the three most probable intents as buttons.
 * Answers are generic (never the customer's data), so they may be shown in any chat, linked or not,
 * group or not; what a route shows of the customer's own data goes to a linked private chat only.
 * Under each answer, "did this help?" buttons; the votes are counted per intent for staff.
 */
final class Answers {

    /**
     * The intents answered. Every language's phrase set covers the first nine (and
     * pending_transfer, routed below); the last is understood in English only so far.
     */
    static final List<String> INTENTS = List.of("card_arrival", "activate_my_card", "request_refund",
            "transfer_not_received_by_recipient", "declined_card_payment", "transaction_charged_twice",
            "cash_withdrawal_charge", "top_up_failed", "lost_or_stolen_card",
            "balance_not_updated_after_bank_transfer");

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
        PERSON;

        String lead() {
            return "assistant.route." + name().toLowerCase(Locale.ROOT);
        }
    }

    static final Map<String, Route> ROUTES = Map.ofEntries(
            Map.entry("pending_transfer", Route.HISTORY), Map.entry("pending_card_payment", Route.HISTORY),
            Map.entry("pending_cash_withdrawal", Route.HISTORY), Map.entry("pending_top_up", Route.HISTORY),
            Map.entry("balance_not_updated_after_bank_transfer", Route.HISTORY),
            Map.entry("balance_not_updated_after_cheque_or_cash_deposit", Route.HISTORY),
            Map.entry("transaction_charged_twice", Route.HISTORY), Map.entry("card_payment_not_recognised", Route.HISTORY),
            Map.entry("cash_withdrawal_not_recognised", Route.HISTORY),
            Map.entry("direct_debit_payment_not_recognised", Route.HISTORY),
            Map.entry("extra_charge_on_statement", Route.HISTORY), Map.entry("Refund_not_showing_up", Route.HISTORY),
            Map.entry("reverted_card_payment?", Route.HISTORY), Map.entry("transfer_timing", Route.HISTORY),
            Map.entry("card_arrival", Route.CARDS), Map.entry("card_delivery_estimate", Route.CARDS),
            Map.entry("activate_my_card", Route.CARDS), Map.entry("card_not_working", Route.CARDS),
            Map.entry("card_about_to_expire", Route.CARDS),
            Map.entry("lost_or_stolen_card", Route.LOCK), Map.entry("compromised_card", Route.LOCK),
            Map.entry("card_swallowed", Route.LOCK),
            Map.entry("atm_support", Route.BRANCHES),
            Map.entry("passcode_forgotten", Route.PERSON), Map.entry("unable_to_verify_identity", Route.PERSON),
            Map.entry("edit_personal_details", Route.PERSON), Map.entry("terminate_account", Route.PERSON),
            Map.entry("verify_source_of_funds", Route.PERSON), Map.entry("lost_or_stolen_phone", Route.PERSON),
            Map.entry("pin_blocked", Route.PERSON));

    static final String NOT_SURE = "assistant.not_sure";
    /** "assistant.feedback:{answer id}:{1|0}:{language}:{intent}": a vote on one answer. */
    static final String FEEDBACK = "assistant.feedback:";
    /** "assistant.pick:{language}:{intent}": one of the three guesses of "not sure", chosen. */
    static final String PICK = "assistant.pick:";
    /** The lock button under a lost-card answer. */
    static final String LOCK = "assistant.lock";

    private Answers() {
    }

    /** Whether the guess is sure of an intent the chat answers or acts on. */
    static boolean handles(Bank.Guess guess) {
        return guess.sure() && (INTENTS.contains(guess.intent()) || ROUTES.containsKey(guess.intent()));
    }

    static boolean handlesPress(String action) {
        return action.startsWith(FEEDBACK) || action.startsWith(PICK) || action.equals(LOCK);
    }

    /**
     * The answer (or, for a routed intent without one, the route's lead-in) with "did this help?"
     * buttons, and the lock button for a lost card; empty when the chat has nothing for the intent.
     */
    static Optional<Outbound> answer(Texts texts, Bank bank, Language language, String intent) {
        Route route = ROUTES.get(intent);
        String text = INTENTS.contains(intent) ? texts.text(language, "assistant.answer." + intent)
                : route != null ? texts.text(language, route.lead()) : null;
        if (text == null) {
            return Optional.empty();
        }
        List<Outbound.Button> buttons = new ArrayList<>();
        if (route == Route.LOCK) {
            buttons.add(new Outbound.Button(texts.text(language, "assistant.lock_button"), bank.button(LOCK, 0)));
        }
        String answer = UUID.randomUUID().toString();
        for (boolean helpful : new boolean[] {true, false}) {
            String action = FEEDBACK + answer + ":" + (helpful ? 1 : 0) + ":" + language.tag() + ":" + intent;
            buttons.add(new Outbound.Button(texts.text(language, helpful ? "assistant.feedback.yes" : "assistant.feedback.no"),
                    bank.button(action, 0)));
        }
        return Optional.of(new Outbound.Buttons(text, buttons));
    }

    /** "Not sure", in the chat's language, with the three guesses as buttons (their titles). */
    static Outbound notSure(Texts texts, Bank bank, Bank.Guess guess, Language chat) {
        StringBuilder text = new StringBuilder(texts.text(chat, NOT_SURE));
        List<Outbound.Button> buttons = new ArrayList<>();
        for (String intent : guess.alternatives()) {
            String title = title(texts, chat, intent);
            text.append("\n• ").append(title);
            buttons.add(new Outbound.Button(title, bank.button(PICK + guess.language().tag() + ":" + intent, 0)));
        }
        return buttons.isEmpty() ? new Outbound.Text(text.toString()) : new Outbound.Buttons(text.toString(), buttons);
    }

    /** A vote of a feedback button: {answer id, helpful, language, intent}; empty when malformed. */
    record Vote(UUID answer, boolean helpful, Language language, String intent) {

        static Optional<Vote> of(String action) {
            String[] parts = action.substring(FEEDBACK.length()).split(":", 4);
            return parts.length < 4 ? Optional.empty() : Language.fromTag(parts[2]).flatMap(l -> Uuids.parse(parts[0])
                    .map(answer -> new Vote(answer, parts[1].equals("1"), l, parts[3])));
        }
    }

    /** The language a reply to the guess is in. */
    static Language language(Bank.Guess guess, Language chat) {
        return guess.sure() ? guess.language() : chat;
    }

    /** An intent's title in the language; one without a written title reads as its name ("card_arrival" -> "Card arrival"). */
    static String title(Texts texts, Language language, String intent) {
        if (INTENTS.contains(intent)) {
            return texts.text(language, "assistant.title." + intent);
        }
        String words = intent.replace('_', ' ').replace("?", "");
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    static List<String> messageKeys() {
        List<String> keys = new ArrayList<>(List.of(NOT_SURE, "assistant.feedback.yes", "assistant.feedback.no",
                "assistant.feedback.thanks", "assistant.feedback.sorry", "assistant.feedback.counted",
                "assistant.lock_button"));
        for (Route route : Route.values()) {
            keys.add(route.lead());
        }
        for (String intent : INTENTS) {
            keys.add("assistant.answer." + intent);
            keys.add("assistant.title." + intent);
        }
        return keys;
    }
}
