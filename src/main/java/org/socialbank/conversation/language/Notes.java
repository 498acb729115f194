package org.socialbank.conversation.language;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socialbank.conversation.language.Sense.CurrencyWord;
import org.socialbank.conversation.language.Sense.IntentWord;
import org.socialbank.conversation.language.Sense.Multiplier;
import org.socialbank.conversation.language.Sense.NumberWord;
import org.socialbank.conversation.language.Token.Kind;

/**
 * What a request or a split is for (issue 13: "ask $alice 20 for pizza" keeps "pizza" and the
 * payer sees it): the words after "for" ("pour", "за", "برای", "用于"), up to the next person,
 * amount or intent word, as the customer wrote them. Pure.
 */
final class Notes {

    /** The longest note kept, in UTF-16 characters, as a request stores it. */
    static final int LENGTH_MAX = 140;

    /** Words that introduce what the money is for, as {@link Text#key} spells them. */
    private static final Set<String> MARKERS = Set.of("for", "pour", "за", "برای", "بابت", "用于", "为了");

    /** Words that only link the note to what follows it ("for dinner with $ivan"): not kept at its end. */
    private static final Set<String> TRAILING = Set.of(
            "to", "from", "with", "and", "de", "a", "au", "avec", "et", "у", "от", "с", "и", "از", "به", "با", "و",
            "را", "给", "向", "和", "跟", "的");

    private Notes() {}

    static Optional<String> find(Analysis analysis) {
        List<Token> tokens = analysis.tokens();
        for (int j = 0; j < tokens.size() - 1; j++) {
            if (isMarker(tokens.get(j), analysis.marks(), j)) {
                Optional<String> note = after(analysis, j + 1);
                if (note.isPresent()) {
                    return note;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isMarker(Token token, PhraseMatches marks, int j) {
        if (!(token.is(Kind.WORD) || token.is(Kind.HAN)) || !MARKERS.contains(token.key())) {
            return false;
        }
        // "ask for" is the request itself, not a note: the marker must be a word of its own
        return covering(marks, j)
                .map(m -> m.from() == j
                        && m.to() == j + 1
                        && m.sense(IntentWord.class).isEmpty())
                .orElse(true);
    }

    private static Optional<String> after(Analysis analysis, int from) {
        List<Token> tokens = analysis.tokens();
        int last = -1;
        for (int k = from; k < tokens.size() && kept(tokens.get(k), analysis.marks(), k); k++) {
            last = k;
        }
        while (last >= from && TRAILING.contains(tokens.get(last).key())) {
            last--;
        }
        if (last < from) {
            return Optional.empty();
        }
        String text = analysis.text();
        int start = text.offsetByCodePoints(0, tokens.get(from).start());
        int end = text.offsetByCodePoints(0, tokens.get(last).end());
        String note = text.substring(start, end).replaceAll("\\p{Cntrl}+", " ").strip();
        if (note.length() > LENGTH_MAX) {
            int cut = Character.isHighSurrogate(note.charAt(LENGTH_MAX - 1)) ? LENGTH_MAX - 1 : LENGTH_MAX;
            note = note.substring(0, cut).strip();
        }
        return note.isEmpty() ? Optional.empty() : Optional.of(note);
    }

    /** A word of the note: not a person, an amount, a currency, a command or another intent's word. */
    private static boolean kept(Token token, PhraseMatches marks, int k) {
        if (!(token.is(Kind.WORD) || token.is(Kind.HAN))) {
            return false;
        }
        return marks.startingAt(k)
                .or(() -> covering(marks, k))
                .map(m -> m.sense(IntentWord.class).isEmpty()
                        && m.sense(CurrencyWord.class).isEmpty()
                        && m.sense(NumberWord.class).isEmpty()
                        && m.sense(Multiplier.class).isEmpty())
                .orElse(true);
    }

    private static Optional<PhraseMatches.Match> covering(PhraseMatches marks, int k) {
        return marks.all().stream().filter(m -> m.from() <= k && k < m.to()).findFirst();
    }
}
