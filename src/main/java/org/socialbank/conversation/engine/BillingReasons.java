package org.socialbank.conversation.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socialbank.conversation.dialogue.Dialogue;

/**
 * Why a bill, a top-up or a card-to-card did not complete, as the chat says it after the fact
 * (review 2026-12-07 billing follow-up): the message key of a short reason in the customer's
 * language, never the code itself. A ledger's or a payment's code is classified as the dialogue
 * classifies it ({@link Dialogue#billingRefusalKey}); the step-up's and the providers' codes have
 * their own reasons; any other code, or a provider's own words, is said as its provider's refusal.
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

    /** billing's and the step-up's codes, by what they mean. */
    private static final Map<String, String> OWN = Map.ofEntries(
            Map.entry("expired", "billing.reason.expired"),
            Map.entry("cancelled", "billing.reason.cancelled"),
            Map.entry("too_many_attempts", "billing.reason.too_many_attempts"),
            Map.entry("confirmation_mismatch", "billing.reason.confirmation_mismatch"),
            Map.entry("card_not_active", "billing.reason.card_not_active"),
            Map.entry("biller_refused", "billing.reason.biller_refused"),
            Map.entry("biller_timeout", "billing.reason.biller_timeout"),
            Map.entry("operator_refused", "billing.reason.operator_refused"),
            Map.entry("operator_timeout", "billing.reason.operator_timeout"),
            Map.entry("switch_refused", "billing.reason.switch_refused"),
            Map.entry("switch_timeout", "billing.reason.switch_timeout"));

    /** The dialogue's sentence for a refused payment, by the reason it gives. */
    private static final Map<String, String> DIALOGUE = Map.of(
            "conversation.pay.refused.funds", "billing.reason.funds",
            "conversation.pay.refused.account", "billing.reason.account",
            "conversation.pay.refused.currency", "billing.reason.currency",
            "conversation.pay.refused.no_phone", "billing.reason.no_phone");

    private BillingReasons() {}

    /** The reason's key for {@code code} (null: none given), {@code provider}'s refusal when not known here. */
    static String key(String code, Provider provider) {
        if (code == null || code.isBlank()) {
            return provider.refusedKey;
        }
        String own = OWN.get(code);
        return own != null ? own : DIALOGUE.getOrDefault(Dialogue.billingRefusalKey(code), provider.refusedKey);
    }

    /** Every key a reason may be said with, for the tests that check the bundles. */
    static List<String> messageKeys() {
        Set<String> keys = new LinkedHashSet<>(OWN.values());
        keys.addAll(DIALOGUE.values());
        for (Provider provider : Provider.values()) {
            keys.add(provider.refusedKey);
        }
        return List.copyOf(keys);
    }
}
