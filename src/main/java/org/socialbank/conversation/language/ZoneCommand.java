package org.socialbank.conversation.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.shared.Language;

/**
 * "zone Europe/Paris", "fuseau horaire Paris", "часовой пояс Москва", "منطقه زمانی تهران",
 * "时区 上海": the customer's time zone (issue 13: dates everywhere in the customer's zone, a
 * setting per customer). Read only when the message opens with the word, so that a payment's note
 * never sets a zone; the rest of the message is the zone, empty to ask which zone is set.
 *
 * @param zone what follows the word, stripped; empty when nothing does
 */
public record ZoneCommand(Language language, String zone) {

    private record Word(String text, Language language) {}

    /** Longest first, so that "time zone" wins over "zone". */
    private static final List<Word> WORDS = List.of(
            new Word("my time zone", Language.EN),
            new Word("time zone", Language.EN),
            new Word("timezone", Language.EN),
            new Word("my zone", Language.EN),
            new Word("zone", Language.EN),
            new Word("mon fuseau horaire", Language.FR),
            new Word("fuseau horaire", Language.FR),
            new Word("fuseau", Language.FR),
            new Word("мой часовой пояс", Language.RU),
            new Word("часовой пояс", Language.RU),
            new Word("منطقهٔ زمانی", Language.FA),
            new Word("منطقه‌ی زمانی", Language.FA),
            new Word("منطقه زمانی", Language.FA),
            new Word("منطقه‌زمانی", Language.FA),
            new Word("我的时区", Language.ZH),
            new Word("时区", Language.ZH),
            new Word("時區", Language.ZH));

    /** The most a message may hold to be read as a zone command. */
    static final int LENGTH_MAX = 100;

    public static Optional<ZoneCommand> read(String text) {
        if (text == null || text.length() > LENGTH_MAX) {
            return Optional.empty();
        }
        String clean = Text.normalize(text).strip(); // no direction marks, one spelling of Persian letters
        String lower = clean.toLowerCase(Locale.ROOT);
        for (Word word : WORDS) {
            String spelled = Text.normalize(word.text());
            if (!lower.startsWith(spelled)) {
                continue;
            }
            String rest = clean.substring(spelled.length());
            boolean han = word.language() == Language.ZH;
            if (!rest.isEmpty() && !han && !Character.isWhitespace(rest.charAt(0)) && rest.charAt(0) != ':') {
                return Optional.empty(); // "zones", "fuseaux": another word
            }
            rest = rest.replaceFirst("^[\\s:：]+", "").strip();
            return Optional.of(new ZoneCommand(word.language(), rest));
        }
        return Optional.empty();
    }
}
