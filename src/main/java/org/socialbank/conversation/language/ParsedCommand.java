package org.socialbank.conversation.language;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;

/**
 * A command as the parser read it. Slots the text does not fill are empty: the dialogue asks for
 * them, or, for a currency, uses the payer's primary one.
 *
 * @param amount the amount as typed, in units of {@code currency} (rials for a toman amount:
 *     "50 هزار تومان" is 500000); empty when there is none, or it was not readable
 * @param payees everyone the text names, in order: payees of a payment, payers of a request,
 *     people of a split, the account to link; at most {@value #PAYEES_MAX} + 1 (one more than the
 *     cap says that the text names too many, see {@link #tooManyPayees()})
 * @param shares per-person amounts of a split, when the text gives them; else empty
 * @param targetLanguage the language a {@code language} command switches to, when named
 * @param amountProblem why an amount in the text was not read (never rounded)
 * @param note what a request or a split is for, as written ("for pizza" is {@code pizza}), at most
 *     140 characters; empty for other intents
 * @param chosenBy what chose the intent: an intent word inside the text ("I did a transfer but it is
 *     still pending" reads as {@code pay}), a {@code /command} or {@code #hashtag}, a how-to question
 *     the help answers, or nothing (an amount and a payee, a language's name, no intent); a longer
 *     text whose intent a word chose may be a question about something else, which the chat asks
 *     the assistant first (issue 18)
 */
public record ParsedCommand(
        Language language,
        Intent intent,
        Optional<BigDecimal> amount,
        Optional<CurrencyCode> currency,
        List<Payee> payees,
        List<ParsedShare> shares,
        Optional<Language> targetLanguage,
        Optional<AmountProblem> amountProblem,
        Optional<String> note,
        ChosenBy chosenBy) {

    /** What chose a command's intent (see {@code chosenBy}). */
    public enum ChosenBy {
        /** A {@code /command} or a {@code #hashtag}. */
        COMMAND,
        /** An intent word inside the text. */
        WORDS,
        /** A how-to question about a command ("how do I send money?"): the help answers it. */
        HOW_TO,
        /** No intent word: an amount and a payee, a language's name, or nothing understood. */
        NOTHING
    }

    /** A command without a note, its intent chosen by nothing in particular (the stop word, unknown). */
    public ParsedCommand(
            Language language,
            Intent intent,
            Optional<BigDecimal> amount,
            Optional<CurrencyCode> currency,
            List<Payee> payees,
            List<ParsedShare> shares,
            Optional<Language> targetLanguage,
            Optional<AmountProblem> amountProblem) {
        this(
                language,
                intent,
                amount,
                currency,
                payees,
                shares,
                targetLanguage,
                amountProblem,
                Optional.empty(),
                ChosenBy.NOTHING);
    }

    /**
     * The most people one message may name: each is looked up in the directory and, in a split,
     * asked for money, so one message must not fan out without bound (security review #7).
     */
    public static final int PAYEES_MAX = 20;

    /** The exponent {@link #amountMinor()} uses when the text names no currency. */
    public static final int EXPONENT_WITHOUT_CURRENCY = 2;

    public ParsedCommand {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        payees = List.copyOf(payees.size() > PAYEES_MAX + 1 ? payees.subList(0, PAYEES_MAX + 1) : payees);
        shares = List.copyOf(shares);
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        Objects.requireNonNull(amountProblem, "amountProblem");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(chosenBy, "chosenBy");
        if (amount.isPresent() && amountProblem.isPresent()) {
            throw new IllegalArgumentException("an amount is either read or refused");
        }
    }

    /** Whether an intent word inside the text chose the intent. */
    public boolean fromWords() {
        return chosenBy == ChosenBy.WORDS;
    }

    /** Whether the text is a how-to question about a command, which the help answers. */
    public boolean howTo() {
        return chosenBy == ChosenBy.HOW_TO;
    }

    /** Whether the text names more than {@value #PAYEES_MAX} people: the dialogue refuses it. */
    public boolean tooManyPayees() {
        return payees.size() > PAYEES_MAX;
    }

    static ParsedCommand stop(Language language) {
        return new ParsedCommand(
                language,
                Intent.STOP,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    static ParsedCommand unknown(Language language) {
        return new ParsedCommand(
                language,
                Intent.UNKNOWN,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * The amount in minor units of {@code currency}, for a text that names none (the caller's
     * primary currency); empty without an amount or when it has more decimals than the currency.
     */
    public OptionalLong amountMinor(CurrencyCode currency) {
        return amount.map(a -> minor(a, currency.exponent())).orElse(OptionalLong.empty());
    }

    /**
     * The amount in minor units of the currency the text names, or with
     * {@value #EXPONENT_WITHOUT_CURRENCY} decimals when it names none.
     */
    public OptionalLong amountMinor() {
        return amount.map(a -> minor(a, exponent())).orElse(OptionalLong.empty());
    }

    /** The exponent of the named currency, or {@value #EXPONENT_WITHOUT_CURRENCY}. */
    public int exponent() {
        return currency.map(CurrencyCode::exponent).orElse(EXPONENT_WITHOUT_CURRENCY);
    }

    static OptionalLong minor(BigDecimal amount, int exponent) {
        try {
            return OptionalLong.of(amount.movePointRight(exponent).longValueExact());
        } catch (ArithmeticException inexactOrTooLarge) {
            return OptionalLong.empty();
        }
    }
}
