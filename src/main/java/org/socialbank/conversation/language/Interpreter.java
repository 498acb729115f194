package org.socialbank.conversation.language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socialbank.conversation.language.Amounts.Amount;
import org.socialbank.conversation.language.Amounts.Mention;
import org.socialbank.conversation.language.Sense.CurrencyWord;
import org.socialbank.conversation.language.Sense.LanguageName;
import org.socialbank.conversation.language.Token.Kind;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;

/** Turns an analysed text into a command: its intent, amount, currency, payees and shares. */
final class Interpreter {

    private static final int SHARES_MIN = 2;

    private final Analysis analysis;
    private final List<Token> tokens;
    private final Lexicon lexicon = Lexicon.get();

    Interpreter(Analysis analysis) {
        this.analysis = analysis;
        this.tokens = analysis.tokens();
    }

    ParsedCommand command() {
        Language language = analysis.language();
        if (tokens.isEmpty()) {
            return analysis.text().indexOf('?') >= 0 ? only(language, Intent.HELP) : ParsedCommand.unknown(language);
        }
        List<Mention> mentions = Amounts.find(tokens, analysis.marks(), lexicon);
        boolean addressed = addressed();
        List<Payee> payees = payees(addressed ? 1 : 0);
        Optional<Language> named = languageName();
        Intents.Decision decision = Intents.decide(
                tokens,
                analysis.marks(),
                new Intents.Facts(!mentions.isEmpty(), !payees.isEmpty(), named.isPresent()),
                lexicon);
        Intent intent = decision.intent();
        if (addressed && payees.isEmpty() && namesPeople(intent)) {
            payees = payees(0); // "@bob #pay 500": the only one it can pay ("@SMoneyfr" was cut by X)
        }
        Optional<Language> target =
                intent == Intent.LANGUAGE ? named.or(() -> languageCode(decision.after())) : Optional.empty();
        CurrencyWord elsewhere = currencyNamedElsewhere(mentions);
        if (!intent.takesAmount()) {
            Optional<CurrencyCode> currency = mentions.stream()
                    .map(Mention::currency)
                    .filter(c -> c != null)
                    .findFirst()
                    .or(() -> Optional.ofNullable(elsewhere))
                    .map(c -> c.currency(language, analysis.region()));
            return new ParsedCommand(
                    language,
                    intent,
                    Optional.empty(),
                    currency,
                    payees,
                    List.of(),
                    target,
                    Optional.empty(),
                    Optional.empty(),
                    decision.chosenBy());
        }
        return withAmounts(intent, payees, mentions, elsewhere, decision.chosenBy());
    }

    private ParsedCommand withAmounts(
            Intent intent,
            List<Payee> payees,
            List<Mention> mentions,
            CurrencyWord elsewhere,
            ParsedCommand.ChosenBy chosenBy) {
        List<Mention> shareMentions = intent == Intent.SPLIT ? shareMentions(mentions) : List.of();
        List<Mention> totals =
                mentions.stream().filter(m -> !shareMentions.contains(m)).toList();
        Mention total = totals.stream()
                .filter(m -> m.currency() != null)
                .findFirst()
                .orElse(totals.isEmpty() ? null : totals.get(0));
        CurrencyWord currency = total != null && total.currency() != null
                ? total.currency()
                : elsewhere != null
                        ? elsewhere
                        : shareMentions.stream()
                                .map(Mention::currency)
                                .filter(c -> c != null)
                                .findFirst()
                                .orElse(null);
        Language language = analysis.language();
        Amount amount = total == null ? null : Amounts.read(total, currency, language, analysis.region());
        List<ParsedShare> shares = new ArrayList<>();
        AmountProblem problem = amount == null ? null : amount.problem();
        for (Mention mention : shareMentions) {
            Amount share = Amounts.read(
                    mention, mention.currency() != null ? mention.currency() : currency, language, analysis.region());
            problem = problem != null ? problem : share.problem();
            if (share.problem() == null) {
                shares.add(new ParsedShare(tokens.get(mention.from() - 1).payee(), share.value()));
            }
        }
        Optional<CurrencyCode> code = Optional.ofNullable(currency).map(c -> c.currency(language, analysis.region()));
        // a share that cannot be read refuses the whole text's amounts, the total's too: the parser
        // never throws (security review #7: the fuzz found "split 60 @a 1.500 @b 20" throwing here)
        Optional<String> note =
                intent == Intent.REQUEST || intent == Intent.SPLIT ? Notes.find(analysis) : Optional.empty();
        return new ParsedCommand(
                language,
                intent,
                Optional.ofNullable(problem == null ? amount : null).map(Amount::value),
                code,
                payees,
                problem == null ? shares : List.of(),
                Optional.empty(),
                Optional.ofNullable(problem),
                note,
                chosenBy);
    }

    /** Amounts written right after a payee ({@code @bob 60, @alice 40}), when two or more are. */
    private List<Mention> shareMentions(List<Mention> mentions) {
        List<Mention> shares = mentions.stream()
                .filter(m -> m.from() > 0 && tokens.get(m.from() - 1).is(Kind.PAYEE))
                .toList();
        return shares.size() >= SHARES_MIN ? shares : List.of();
    }

    /**
     * Whether the text opens with the handle it is addressed to: an {@code @handle} as its first
     * token, right before a command or an intent word ("@icicibank #pay @bob 500", "@SMoneyfr
     * envoie 10 € à @dest"). Such a handle is not a payee, unless the command names people and no
     * one else is named (see {@code docs/command-language.md}).
     */
    private boolean addressed() {
        if (tokens.size() < 2
                || !tokens.get(0).is(Kind.PAYEE)
                || tokens.get(0).payee().type() != PayeeType.HANDLE
                || !tokens.get(0).text().startsWith("@")) {
            return false;
        }
        return Intents.asksAt(tokens, analysis.marks(), 1, lexicon);
    }

    /** Intents whose payees are people to pay, ask or share with. */
    private static boolean namesPeople(Intent intent) {
        return intent == Intent.PAY
                || intent == Intent.REQUEST
                || intent == Intent.SPLIT
                || intent == Intent.REMIND
                || intent == Intent.CANCEL_REQUEST;
    }

    /**
     * The people named from token {@code from} on, in order, without repeats; one more than the
     * cap at most (the rest is not read).
     */
    private List<Payee> payees(int from) {
        Set<Payee> payees = new LinkedHashSet<>();
        for (Token token : tokens.subList(from, tokens.size())) {
            if (token.is(Kind.PAYEE) && payees.add(token.payee()) && payees.size() > ParsedCommand.PAYEES_MAX) {
                break;
            }
        }
        return List.copyOf(payees);
    }

    /** The one currency named away from numbers, or null when none or several are. */
    private CurrencyWord currencyNamedElsewhere(List<Mention> mentions) {
        List<CurrencyWord> free = Amounts.free(tokens, analysis.marks(), mentions, lexicon);
        Set<String> distinct = new LinkedHashSet<>();
        free.forEach(w ->
                distinct.add(w.code() + "×" + w.factor().stripTrailingZeros().toPlainString()));
        return distinct.size() == 1 ? free.get(0) : null;
    }

    private Optional<Language> languageName() {
        return analysis.marks().all().stream()
                .flatMap(m -> m.senses().stream())
                .filter(LanguageName.class::isInstance)
                .map(s -> ((LanguageName) s).target())
                .findFirst();
    }

    /** "/language fr", "language: ru": a language tag right after the words that asked. */
    private Optional<Language> languageCode(int after) {
        if (after < 0 || after >= tokens.size() || !tokens.get(after).is(Kind.WORD)) {
            return Optional.empty();
        }
        return Language.fromTag(tokens.get(after).key());
    }

    private static ParsedCommand only(Language language, Intent intent) {
        return new ParsedCommand(
                language,
                intent,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }
}
