package org.socialbank.conversation.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.directory.Language;

/**
 * The assistant's knowledge base in the chat (issue 18): for the few intents the bank can answer
 * in general terms, one answer per language in the message bundles ({@code assistant.answer.<intent>});
 * for an unsure guess, "not sure" and the three most probable intents by their titles. Answers are
 * generic (never the customer's data), so they may be shown in any chat, linked or not, group or not.
 */
final class Answers {

    /**
     * The intents answered. The first eight are the ones every language's phrase set covers; the
     * last two are understood in English only so far.
     */
    static final List<String> INTENTS = List.of("card_arrival", "activate_my_card", "request_refund",
            "transfer_not_received_by_recipient", "declined_card_payment", "transaction_charged_twice",
            "cash_withdrawal_charge", "top_up_failed", "lost_or_stolen_card",
            "balance_not_updated_after_bank_transfer");

    static final String NOT_SURE = "assistant.not_sure";

    private Answers() {
    }

    /**
     * The reply to a guess; empty when it is sure of an intent we have no answer for. A sure answer
     * is in the text's language; "not sure" in the chat's, as the hint was (gibberish in a French
     * chat reads as English to the assistant).
     */
    static Optional<String> reply(Texts texts, Bank.Guess guess, Language chat) {
        if (guess.sure()) {
            return INTENTS.contains(guess.intent())
                    ? Optional.of(texts.text(guess.language(), "assistant.answer." + guess.intent()))
                    : Optional.empty();
        }
        StringBuilder text = new StringBuilder(texts.text(chat, NOT_SURE));
        for (String intent : guess.alternatives()) {
            text.append("\n• ").append(title(texts, chat, intent));
        }
        return Optional.of(text.toString());
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
        String words = intent.replace('_', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    static List<String> messageKeys() {
        List<String> keys = new ArrayList<>(List.of(NOT_SURE));
        for (String intent : INTENTS) {
            keys.add("assistant.answer." + intent);
            keys.add("assistant.title." + intent);
        }
        return keys;
    }
}
