package org.socialbank.conversation.dialogue;

import java.util.Optional;
import org.socialbank.shared.Language;

/**
 * What a conversation remembers between two messages; stored as JSON, so kept small.
 *
 * @param language the language chosen in this chat with "language ...", null when none was
 * @param form the payment being put together, null when none is
 * @param formVersion grows with every new or dropped form: a button of an older one is stale
 * @param historyShown how many history lines the last "history" or "more" showed (issue 13), 0 when none
 * @param lastRefusal the last payment this chat refused before its Confirm button (issue 18: "why
 *     was my transfer declined?" names it; such a refusal is never stored as a payment), null when none
 */
public record DialogueState(
        Language language, PayForm form, long formVersion, Integer historyShown, Refusal lastRefusal) {

    /**
     * A payment the chat's check refused, as the chat told it: whose, to whom, how much, when, and
     * the payments module's rejection code with the limit that said no, if one did. Only its payer
     * hears of it again (a chat may be linked to someone else since).
     */
    public record Refusal(
            java.util.UUID payerCustomerId,
            long amountMinor,
            String currency,
            String payee,
            java.time.Instant at,
            String code,
            Long limitMinor,
            java.time.Instant resetsAt) {

        /** The refusal as a payment that paid nobody; empty if its currency is no longer known. */
        Optional<Bank.NotPaid> asNotPaid() {
            return org.socialbank.shared.CurrencyCode.find(currency)
                    .map(c -> new Bank.NotPaid(
                            amountMinor,
                            c,
                            payee,
                            at,
                            org.socialbank.payments.PaymentStatus.REJECTED,
                            code,
                            limitMinor,
                            resetsAt));
        }
    }

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
        this(language, form, formVersion, 0, null);
    }

    /** A state that remembers no refusal (one stored before issue 18's reads so too). */
    public DialogueState(Language language, PayForm form, long formVersion, Integer historyShown) {
        this(language, form, formVersion, historyShown, null);
    }

    /** Issue 18: the chat refused this payment at its check, before any Confirm button. */
    DialogueState withLastRefusal(Refusal refusal) {
        return new DialogueState(language, form, formVersion, historyShown, refusal);
    }

    /** Issue 13: how many history lines the last "history" or "more" showed, so that "more" goes on from there. */
    DialogueState withHistoryShown(int shown) {
        return new DialogueState(language, form, formVersion, shown, lastRefusal);
    }

    /**
     * The chat keeps speaking {@code language} when none was chosen in it: a chat that is unlinked
     * loses the customer's language it spoke until then (issue 13: English after a Chinese
     * customer unlinked).
     */
    public DialogueState keepingLanguage(Language spoken) {
        return language != null || spoken == null
                ? this
                : new DialogueState(spoken, form, formVersion, historyShown, lastRefusal);
    }

    /** Issue 13: the chat speaks {@code chosen} from now on (chosen on a page opened from it). */
    public DialogueState speaking(Language chosen) {
        return withLanguage(chosen);
    }

    DialogueState withLanguage(Language chosen) {
        return new DialogueState(chosen, form, formVersion, historyShown, lastRefusal);
    }

    DialogueState withForm(PayForm next) {
        return new DialogueState(language, next, formVersion, historyShown, lastRefusal);
    }

    /** A new form (or none): every button shown so far goes stale. */
    DialogueState replaceForm(PayForm next) {
        return new DialogueState(language, next, formVersion + 1, historyShown, lastRefusal);
    }
}
