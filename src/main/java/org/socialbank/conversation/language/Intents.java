package org.socialbank.conversation.language;

import java.util.List;
import java.util.Optional;
import org.socialbank.conversation.language.Sense.HowWord;
import org.socialbank.conversation.language.Sense.IntentWord;
import org.socialbank.conversation.language.Token.Kind;

/**
 * Which intent a text asks for. A {@code #hashtag} or {@code /command} decides; else the intent
 * words, the most specific first when several occur ("cancel the transfer" cancels, "transfer
 * history" is history, "request payment" requests), and weak words ("give", "hello") only when
 * no other intent word occurs. Without any: an amount and a payee pay (ICICI-style "@bob 500"),
 * a language's name switches to it ("English", "中文").
 */
final class Intents {

    /** Most specific first. */
    private static final List<Intent> PRIORITY = List.of(
            Intent.UNLINK,
            Intent.CANCEL_REQUEST,
            Intent.CANCEL,
            Intent.LINK,
            Intent.LANGUAGE,
            Intent.SWEEP,
            Intent.REMIND,
            Intent.REQUESTS,
            Intent.LIMITS,
            Intent.SPENDING,
            Intent.ACCOUNT,
            Intent.SPLIT,
            Intent.REQUEST,
            Intent.HISTORY,
            Intent.BALANCE,
            Intent.APPOINTMENT,
            Intent.PAY,
            Intent.BRANCHES,
            Intent.HELP,
            Intent.BACK,
            Intent.MORE,
            Intent.THANKS);

    private static final List<Intent> HOW_TO =
            List.of(Intent.PAY, Intent.REQUEST, Intent.SPLIT, Intent.LINK, Intent.UNLINK, Intent.HISTORY);

    private Intents() {}

    /**
     * What the text holds besides intent words.
     *
     * @param languageName whether it names a language to switch to
     */
    record Facts(boolean amount, boolean payee, boolean languageName) {}

    /**
     * The intent, and where the words that asked for it end (-1 when none did): "/language fr"
     * names its target right after.
     *
     * @param chosenBy what chose it: a {@code /command} or {@code #hashtag}, an intent word, a
     *     how-to question that the help answers ("how do I send money?"), or nothing
     */
    record Decision(Intent intent, int after, ParsedCommand.ChosenBy chosenBy) {

        Decision(Intent intent, int after) {
            this(intent, after, after >= 0 ? ParsedCommand.ChosenBy.WORDS : ParsedCommand.ChosenBy.NOTHING);
        }
    }

    static Decision decide(List<Token> tokens, PhraseMatches marks, Facts facts, Lexicon lexicon) {
        Optional<Decision> command = command(tokens, lexicon);
        if (command.isPresent()) {
            return command.get();
        }
        Decision strong = strongest(marks, false);
        Decision chosen = strong.after() >= 0 ? strong : strongest(marks, true);
        boolean how = marks.all().stream().anyMatch(m -> m.sense(HowWord.class).isPresent());
        boolean bare = !facts.amount() && !facts.payee();
        if ((chosen.intent() == Intent.BACK || chosen.intent() == Intent.THANKS || chosen.intent() == Intent.MORE)
                && !bare) {
            chosen = new Decision(Intent.UNKNOWN, -1); // "back", "thanks" beside an amount or payee are fillers
        }
        if (chosen.after() < 0) {
            return new Decision(
                    facts.languageName() && bare
                            ? Intent.LANGUAGE
                            : facts.amount() && facts.payee() ? Intent.PAY : Intent.UNKNOWN,
                    -1); // "how do I activate my card?" names no command: a question for the assistant
        }
        if (chosen.intent() == Intent.CANCEL && asks(marks, Intent.REQUEST, Intent.REQUESTS)) {
            return new Decision(Intent.CANCEL_REQUEST, chosen.after()); // "annule ma demande", "取消请求"
        }
        if (how && bare && HOW_TO.contains(chosen.intent())) {
            return new Decision(Intent.HELP, chosen.after(), ParsedCommand.ChosenBy.HOW_TO); // "how do I send money?"
        }
        if (facts.languageName() && bare && (chosen.intent() == Intent.PAY || chosen.intent() == Intent.HELP)) {
            return new Decision(Intent.LANGUAGE, chosen.after()); // переведи на английский
        }
        return chosen;
    }

    /**
     * Whether token {@code j} asks the bank something: a known command, or the start of an intent
     * word or of a question ("how do I pay?").
     */
    static boolean asksAt(List<Token> tokens, PhraseMatches marks, int j, Lexicon lexicon) {
        if (j >= tokens.size()) {
            return false;
        }
        if (tokens.get(j).is(Kind.COMMAND)) {
            return intentOf(tokens.get(j), lexicon).isPresent();
        }
        return marks.startingAt(j).stream()
                .flatMap(m -> m.senses().stream())
                .anyMatch(s -> s instanceof IntentWord || s instanceof HowWord);
    }

    private static Optional<Intent> intentOf(Token command, Lexicon lexicon) {
        return lexicon.command(command.key())
                .or(() -> lexicon.word(command.key(), command.text()).stream()
                        .filter(IntentWord.class::isInstance)
                        .map(s -> ((IntentWord) s).intent())
                        .findFirst());
    }

    private static Optional<Decision> command(List<Token> tokens, Lexicon lexicon) {
        for (int j = 0; j < tokens.size(); j++) {
            Token token = tokens.get(j);
            if (!token.is(Kind.COMMAND)) {
                continue;
            }
            Optional<Intent> intent = intentOf(token, lexicon);
            if (intent.isPresent()) {
                return Optional.of(new Decision(intent.get(), j + 1, ParsedCommand.ChosenBy.COMMAND));
            }
        }
        return Optional.empty();
    }

    /** Whether a strong word of the text asks for one of {@code intents}. */
    private static boolean asks(PhraseMatches marks, Intent... intents) {
        List<Intent> wanted = List.of(intents);
        return marks.all().stream()
                .flatMap(m -> m.senses().stream())
                .anyMatch(s -> s instanceof IntentWord w && !w.weak() && wanted.contains(w.intent()));
    }

    private static Decision strongest(PhraseMatches marks, boolean weak) {
        Decision best = new Decision(Intent.UNKNOWN, -1);
        for (PhraseMatches.Match mark : marks.all()) {
            for (Sense sense : mark.senses()) {
                if (sense instanceof IntentWord word
                        && word.weak() == weak
                        && (best.after() < 0 || PRIORITY.indexOf(word.intent()) < PRIORITY.indexOf(best.intent()))) {
                    best = new Decision(word.intent(), mark.to());
                }
            }
        }
        return best;
    }
}
