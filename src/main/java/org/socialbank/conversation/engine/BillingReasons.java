package org.socialbank.conversation.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.socialbank.conversation.dialogue.RefusalReasons;
import org.socialbank.conversation.dialogue.RefusalReasons.Reason;

/**
 * Why a bill, a top-up or a card-to-card did not complete, as the chat says it after the fact
 * (review 2026-12-07 billing follow-up): the message key of a short reason in the customer's
 * language, never the code itself. Every code the bank knows is classified by the one mapper the
 * dialogue's refusals use too ({@link RefusalReasons}): a ledger's code without a reason of its own
 * is the bank's refusal, never the provider's; only a code nobody here knows, or a provider's own
 * words, is said as its provider's refusal.
 */
final class BillingReasons {

    /** Who was asked to pay: its refusal is what an unknown code is said as. */
    enum Provider {
        BILLER("billing.reason.biller_refused"),
        OPERATOR("billing.reason.operator_refused"),
        SWITCH("billing.reason.switch_refused");

        private final String refusedKey;

        Provider(String refusedKey) {
            this.refusedKey = refusedKey;
        }
    }

    private BillingReasons() {}

    /** The reason's key for {@code code} (null: none given), {@code provider}'s refusal when not known here. */
    static String key(String code, Provider provider) {
        if (code == null || code.isBlank()) {
            return provider.refusedKey;
        }
        return RefusalReasons.of(code).clauseKey().orElse(provider.refusedKey);
    }

    /** Every key a reason may be said with, for the tests that check the bundles. */
    static List<String> messageKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Reason reason : Reason.values()) {
            reason.clauseKey().ifPresent(keys::add);
        }
        for (Provider provider : Provider.values()) {
            keys.add(provider.refusedKey);
        }
        return List.copyOf(keys);
    }
}
