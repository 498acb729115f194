package org.socialbank.conversation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.socialbank.conversation.language.Hints;
import org.socialbank.conversation.language.ParsedCommand;
import org.socialbank.conversation.language.Payee;

/**
 * A parsed command as the API shows it. Every member is always present, null when empty: a
 * client tells "no currency named" ({@code "currency": null}) from an older server.
 *
 * @param amountMinor in the currency's minor units, or with 2 decimals when the text names no
 *     currency; null without an amount or when it was refused
 * @param amount the amount as a decimal string, in the currency's units ("10.50"), for callers
 *     that apply their own currency when the text names none
 * @param shares per-person amounts of a split, when the text gives them
 * @param targetLanguage for a {@code language} command, the language named
 * @param amountProblem why an amount the text holds was refused: malformed, too_many_decimals,
 *     not_positive or too_large
 * @param reply a short hint in the detected language when the command was not understood
 * @param note what a request or a split is for, as written ("ask $alice 20 for pizza": {@code
 *     pizza}), null when the text says nothing (issue 13)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ParsedJson(
        String language,
        String intent,
        Long amountMinor,
        String currency,
        List<PayeeJson> payees,
        String amount,
        List<ShareJson> shares,
        String targetLanguage,
        String amountProblem,
        String reply,
        String note) {

    static ParsedJson of(ParsedCommand command) {
        int exponent = command.exponent();
        return new ParsedJson(
                command.language().tag(),
                command.intent().wireName(),
                command.amountMinor().isPresent() ? command.amountMinor().getAsLong() : null,
                command.currency().map(c -> c.code()).orElse(null),
                command.payees().stream().map(PayeeJson::of).toList(),
                command.amount().map(BigDecimal::toPlainString).orElse(null),
                command.shares().stream()
                        .map(s -> new ShareJson(
                                s.payee().type().wireName(), s.payee().value(), minor(s.amount(), exponent)))
                        .toList(),
                command.targetLanguage().map(l -> l.tag()).orElse(null),
                command.amountProblem().map(p -> p.wireName()).orElse(null),
                Hints.reply(command).orElse(null),
                command.note().orElse(null));
    }

    private static Long minor(BigDecimal amount, int exponent) {
        try {
            return amount.movePointRight(exponent).longValueExact();
        } catch (ArithmeticException inexact) {
            return null; // a share in another currency than the split's
        }
    }

    /** @param type handle, phone, email, tag or name; a handle without {@code @}, a phone in E.164 */
    record PayeeJson(String type, String value) {

        static PayeeJson of(Payee payee) {
            return new PayeeJson(payee.type().wireName(), payee.value());
        }
    }

    record ShareJson(String type, String value, Long amountMinor) {}
}
