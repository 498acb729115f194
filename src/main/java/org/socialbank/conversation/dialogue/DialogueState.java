package org.socialbank.conversation.dialogue;

import org.socialbank.shared.Language;

/**
 * What a conversation remembers between two messages; stored as JSON, so kept small.
 *
 * @param language the language chosen in this chat with "language ...", null when none was
 * @param form the payment being put together, null when none is
 * @param formVersion grows with every new or dropped form: a button of an older one is stale
 * @param historyShown how many history lines the last "history" or "more" showed (issue 13), 0 when none
 */
public record DialogueState(Language language, PayForm form, long formVersion, Integer historyShown) {

    public static final DialogueState NEW = new DialogueState(null, null, 0);

    public DialogueState {
        if (formVersion < 0) {
            throw new IllegalArgumentException("formVersion is not negative");
        }
        historyShown = historyShown == null ? 0 : historyShown; // a state stored before issue 13's paging has none
        if (historyShown < 0) {
            throw new IllegalArgumentException("historyShown is not negative");
        }
    }

    /** A state that has shown no history (one stored before issue 13's paging reads so too). */
    public DialogueState(Language language, PayForm form, long formVersion) {
        this(language, form, formVersion, 0);
    }

    /** Issue 13: how many history lines the last "history" or "more" showed, so that "more" goes on from there. */
    DialogueState withHistoryShown(int shown) {
        return new DialogueState(language, form, formVersion, shown);
    }

    /**
     * The chat keeps speaking {@code language} when none was chosen in it: a chat that is unlinked
     * loses the customer's language it spoke until then (issue 13: English after a Chinese
     * customer unlinked).
     */
    public DialogueState keepingLanguage(Language spoken) {
        return language != null || spoken == null ? this : new DialogueState(spoken, form, formVersion, historyShown);
    }

    /** Issue 13: the chat speaks {@code chosen} from now on (chosen on a page opened from it). */
    public DialogueState speaking(Language chosen) {
        return withLanguage(chosen);
    }

    DialogueState withLanguage(Language chosen) {
        return new DialogueState(chosen, form, formVersion, historyShown);
    }

    DialogueState withForm(PayForm next) {
        return new DialogueState(language, next, formVersion, historyShown);
    }

    /** A new form (or none): every button shown so far goes stale. */
    DialogueState replaceForm(PayForm next) {
        return new DialogueState(language, next, formVersion + 1, historyShown);
    }
}
