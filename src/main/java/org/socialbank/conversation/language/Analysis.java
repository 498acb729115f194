package org.socialbank.conversation.language;

import java.util.List;
import java.util.Optional;
import org.socialbank.shared.Language;

/** A text cut into tokens, with the lexicon over them and the language they are in. */
record Analysis(String text, List<Token> tokens, PhraseMatches marks, Language language, String region) {

    static Analysis of(String normalized, Context context, String region, Names names, Optional<Language> hint) {
        Lexicon lexicon = Lexicon.get();
        List<Token> tokens = names.mark(Tokenizer.scan(normalized, context, region, names));
        PhraseMatches marks = PhraseMatches.of(tokens, lexicon);
        return new Analysis(normalized, tokens, marks, LanguageGuess.detect(tokens, marks, hint, lexicon), region);
    }
}
