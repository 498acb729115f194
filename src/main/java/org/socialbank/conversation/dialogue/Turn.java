package org.socialbank.conversation.dialogue;

import java.util.Optional;
import org.socialbank.shared.CustomerTime;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * What one message is handled with: the chat's state, where it came from, the bank, and whether
 * it was written in a group chat (where the customer's data is never read for an answer).
 */
record Turn(DialogueState state, Network channel, Bank bank, Optional<Bank.Linked> linked, boolean inGroup) {

    /**
     * The linked customer's language (issue 13: one setting for every chat and page, so that a
     * language chosen on a page or in another chat is spoken here too), else the language chosen
     * in this chat, else null.
     */
    Language chosen() {
        return linked.map(Bank.Linked::language).filter(l -> l != null).orElse(state.language());
    }

    /** Dates and times as the reader of this chat reads them: her zone, else her language's. */
    CustomerTime time(Language language) {
        return CustomerTime.of(
                language.locale(), linked.isPresent() ? bank.chosenZone().orElse(null) : null);
    }

    /** Whether the chat is linked to the customer who began the form (a re-linked chat is not). */
    boolean ownsForm() {
        return state.form() != null
                && linked.filter(l -> l.customerId().value().equals(state.form().payerCustomerId()))
                        .isPresent();
    }
}
