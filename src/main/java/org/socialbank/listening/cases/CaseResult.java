package org.socialbank.listening.cases;

/** What a staff action on a case came to: done, or a named reason why not. */
public sealed interface CaseResult {

    record Done(Case value) implements CaseResult {}

    /**
     * Not done. {@code code}: {@code case_not_found}, {@code mention_not_found}, {@code case_closed},
     * {@code invalid_note}, or for a public reply the neutrality reason ({@code empty},
     * {@code too_long}, {@code email}, {@code card_number}, {@code account_number},
     * {@code phone_number}, {@code amount}, {@code balance}, {@code number}); for a private message
     * {@code no_private_channel}, {@code invalid_message}, {@code secret_card_number},
     * {@code secret}, and to an unlinked author the public-reply reasons.
     */
    record Rejected(String code) implements CaseResult {}
}
