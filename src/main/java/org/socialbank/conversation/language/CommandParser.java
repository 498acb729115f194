package org.socialbank.conversation.language;

import java.util.Objects;
import java.util.Optional;
import org.socialbank.shared.Language;

/**
 * Reads what a customer types into a command, in English, French, Russian, Persian or Chinese,
 * as friends write it ("envoie 10€ à @bob", "۵۰ هزار تومان به ۰۹۱۲۳۴۵۶۷۸۹ بفرست", "给@wang转五百元")
 * or in the hashtag and slash syntax of chat banks ({@code #pay @bob 500}, {@code /balance}).
 *
 * <p>Total and bounded: any text gives a command, {@link Intent#UNKNOWN} when it is not one, and
 * never an exception; the work is linear in the text, which is cut off at
 * {@value #TEXT_LENGTH_MAX} characters. Stateless and thread-safe.
 */
public final class CommandParser {

    /** The longest text read, in code points; a longer one is {@link Intent#UNKNOWN}. */
    public static final int TEXT_LENGTH_MAX = 1_000;

    /**
     * @param hint the language the customer uses in this chat, when known: it decides when the
     *     text does not (10 @bob), not against it
     */
    public ParsedCommand parse(String text, Optional<Language> hint, Context context) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(context, "context");
        if (!withinLimit(text)) {
            return ParsedCommand.unknown(hint.orElse(Language.EN));
        }
        Optional<Language> stop = StopWords.match(text);
        if (stop.isPresent()) {
            return ParsedCommand.stop(hint.orElse(stop.get()));
        }
        String normalized = Text.normalize(text);
        Names names = Names.of(context.recentPayees());
        String region = context.region() != null
                ? context.region()
                : regionOf(hint.or(() -> scriptLanguage(normalized)).orElse(Language.EN));
        Analysis analysis = Analysis.of(normalized, context, region, names, hint);
        String detectedRegion = regionOf(analysis.language());
        if (context.region() == null && hint.isEmpty() && !Objects.equals(region, detectedRegion)) {
            analysis = Analysis.of(normalized, context, detectedRegion, names, hint); // envoie 10 € au 06…
        }
        return new Interpreter(analysis).command();
    }

    /** Whether the text is short enough to be read: at most {@value #TEXT_LENGTH_MAX} code points. */
    public static boolean withinLimit(String text) {
        return text.length() <= TEXT_LENGTH_MAX
                || (text.length() <= 2 * TEXT_LENGTH_MAX && text.codePointCount(0, text.length()) <= TEXT_LENGTH_MAX);
    }

    /**
     * Where local phone numbers are read when the context names no region: the country of the
     * chat's language (the hint), else of the text's; none for English, spoken everywhere.
     */
    static String regionOf(Language language) {
        return switch (language) {
            case EN -> null;
            case FR -> "FR";
            case RU -> "RU";
            case FA -> "IR";
            case ZH -> "CN";
        };
    }

    /** The language of the script most letters are in, before any word is read. */
    private static Optional<Language> scriptLanguage(String text) {
        int[] counts = new int[Language.values().length];
        text.codePoints().forEach(c -> {
            switch (Text.script(c)) {
                case CYRILLIC -> counts[Language.RU.ordinal()]++;
                case ARABIC -> counts[Language.FA.ordinal()]++;
                case HAN -> counts[Language.ZH.ordinal()]++;
                default -> {}
            }
        });
        Language best = null;
        for (Language language : Language.values()) {
            if (counts[language.ordinal()] > 0
                    && (best == null || counts[language.ordinal()] > counts[best.ordinal()])) {
                best = language;
            }
        }
        return Optional.ofNullable(best);
    }
}
