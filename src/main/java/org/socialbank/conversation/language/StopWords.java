package org.socialbank.conversation.language;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.socialbank.shared.Language;

/**
 * The words that stop marketing ("STOP", "ARRÊT", "СТОП", "لغو", "退订" and the unsubscribe words of
 * the five languages). A text is a STOP only when it is such a word alone (punctuation, case,
 * accents, full-width forms, Arabic letter forms and spaces aside): "stop" withdraws marketing,
 * "stop the payment to Bob" does not. Pure and thread-safe.
 */
public final class StopWords {

    /** Longer texts are never a STOP word (and are not read). */
    static final int TEXT_LENGTH_MAX = 64;

    /** Each word's key (see {@link #key(String)}) and the language a confirmation is in by default. */
    private static final Map<String, Language> WORDS = words();

    private StopWords() {}

    /** The language of the STOP word the whole text is, or empty when it is none. */
    public static Optional<Language> match(String text) {
        if (text == null || text.length() > TEXT_LENGTH_MAX) {
            return Optional.empty();
        }
        return Optional.ofNullable(WORDS.get(key(text)));
    }

    /** Normalized as the parser reads words, then only letters kept: "Stop!", "S T O P", "/stop" are one. */
    static String key(String text) {
        String normalized = Text.key(Text.normalize(text));
        StringBuilder out = new StringBuilder(normalized.length());
        normalized.codePoints().filter(Character::isLetter).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static Map<String, Language> words() {
        Map<String, Language> words = new LinkedHashMap<>();
        add(
                words,
                Language.EN,
                "stop",
                "stop all",
                "stopall",
                "unsubscribe",
                "unsub",
                "opt out",
                "optout",
                "end",
                "quit",
                "cancel marketing",
                "no more messages");
        add(
                words,
                Language.FR,
                "arret",
                "arrête",
                "arrêt",
                "arreter",
                "désabonner",
                "me désabonner",
                "se désabonner",
                "désabonnement",
                "désinscrire",
                "me désinscrire",
                "stop pub");
        add(
                words,
                Language.RU,
                "стоп",
                "отписаться",
                "отписка",
                "отпишите",
                "отпиши",
                "отпишись",
                "отменить подписку",
                "хватит рассылки");
        add(
                words,
                Language.FA,
                "لغو",
                "توقف",
                "لغو عضویت",
                "لغو اشتراک",
                "عضویت لغو",
                "لغو پیامک",
                "دیگر پیام نده",
                "استاپ");
        add(words, Language.ZH, "退订", "退訂", "取消订阅", "取消訂閱", "td", "停止", "退订营销", "不再接收");
        return Map.copyOf(words);
    }

    private static void add(Map<String, Language> words, Language language, String... spellings) {
        for (String spelling : spellings) {
            words.putIfAbsent(key(spelling), language);
        }
    }
}
