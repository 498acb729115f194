package org.socialbank.conversation.dialogue;

import java.util.Optional;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/** What one message is handled with: the chat's state, where it came from, the bank. */
record Turn(DialogueState state, Network channel, Bank bank, Optional<Bank.Linked> linked) {

    /** The language chosen in this chat, else the linked customer's, else null. */
    Language chosen() {
        return state.language() != null ? state.language() : linked.map(Bank.Linked::language).orElse(null);
    }

    /** Whether the chat is linked to the customer who began the form (a re-linked chat is not). */
    boolean ownsForm() {
        return state.form() != null && linked
                .filter(l -> l.customerId().value().equals(state.form().payerCustomerId())).isPresent();
    }
}
