package org.socialbank.conversation.dialogue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.payments.PaymentRejection;
import org.socialbank.payments.requests.RequestRejection;
import org.socialbank.shared.Language;

/**
 * The chat's refusals: a refused payment, bill, top-up or card-to-card is said by its reason
 * ({@link RefusalReasons}, the one mapper of codes, shared with the engine's later endings); a
 * refused request or split by the sentences of asking. Never with the code (review 2026-12-07
 * words follow-up): the code of a generic refusal goes to the log.
 */
final class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private Refusals() {}

    /** The refusal of {@code reason} as the chat's one reply, staying in {@code state}. */
    static Step said(DialogueState state, Texts texts, Language language, RefusalReasons.Reason reason) {
        return new Step(state, List.of(new Outbound.Text(reason.sentence(texts, language))), language);
    }

    /** The name of a limit, for a payment over it; only for a {@link PaymentRejection#limit() limit}. */
    static String limitKey(PaymentRejection rejection) {
        return "conversation.limit." + rejection.code();
    }

    /** The sentence for a refused request or split. */
    static String key(RequestRejection rejection) {
        return switch (rejection) {
            case NO_ACCOUNT_IN_CURRENCY -> "conversation.pay.refused.currency";
            case MEMBER_IS_ORGANISER -> "conversation.pay.self";
            case PAYER_IS_REQUESTER -> "conversation.request.self";
            case PAYER_NOT_FOUND, MEMBER_NOT_FOUND -> "conversation.request.not_found";
            case SHARES_DO_NOT_ADD_UP -> "conversation.split.shares_do_not_add_up";
            case SHARES_MIXED, SHARE_TOO_SMALL, DUPLICATE_MEMBER -> "conversation.split.shares_invalid";
            case TOO_MANY_REQUESTS -> "conversation.request.too_many";
            default -> {
                log.info("request refused with {}: said as a generic refusal", rejection.code());
                yield "conversation.request.refused";
            }
        };
    }

    /** Every key the refusals may be said with, for the tests that check the bundles. */
    static List<String> messageKeys() {
        Set<String> keys = new LinkedHashSet<>(RefusalReasons.messageKeys());
        for (PaymentRejection rejection : PaymentRejection.values()) {
            if (rejection.limit()) {
                keys.add(limitKey(rejection));
            }
        }
        for (RequestRejection rejection : RequestRejection.values()) {
            keys.add(key(rejection));
        }
        return List.copyOf(keys);
    }
}
