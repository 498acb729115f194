package org.socialbank.handoff;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.socialbank.shared.Language;

/**
 * Whether a customer asks for a person, in the five languages, written the way each people writes
 * it: "talk to a human", "un conseiller", "оператора", "با اپراتور صحبت کنم", "转人工". A phrase
 * matches whole words (a Russian stem ending in {@code *} matches any ending); a Chinese phrase
 * matches inside the unspaced text. Pure and thread-safe.
 */
public final class PersonRequests {

    /** Texts longer than this are not a request for a person but a question: the bot reads them. */
    static final int TEXT_LENGTH_MAX = 200;

    private static final Map<Language, List<String>> PHRASES = Map.of(
            Language.EN,
                    List.of(
                            "human",
                            "humans",
                            "a person",
                            "real person",
                            "live person",
                            "agent",
                            "live agent",
                            "operator",
                            "representative",
                            "customer service",
                            "talk to someone",
                            "speak to someone",
                            "someone real",
                            "staff member",
                            "support team"),
            Language.FR,
                    List.of(
                            "conseiller",
                            "conseillère",
                            "conseillere",
                            "un humain",
                            "une personne",
                            "un agent",
                            "opérateur",
                            "operateur",
                            "service client",
                            "parler à quelqu'un",
                            "parler a quelqu'un",
                            "quelqu'un de réel",
                            "vraie personne"),
            Language.RU,
                    List.of(
                            "оператор*",
                            "консультант*",
                            "живой человек",
                            "живым человеком",
                            "с человеком",
                            "живого человека",
                            "менеджер*",
                            "специалист*",
                            "сотрудник*"),
            Language.FA,
                    List.of(
                            "اپراتور",
                            "اپراتوری",
                            "کارشناس",
                            "پشتیبان",
                            "پشتیبانی",
                            "مشاور",
                            "با یک انسان",
                            "آدم واقعی",
                            "با یه آدم",
                            "انسان واقعی"),
            Language.ZH, List.of("人工客服", "转人工", "人工服务", "人工", "真人", "客服", "接线员"));

    private PersonRequests() {}

    /** The language of the phrase that asked for a person; empty when the text asks for none. */
    public static Optional<Language> asks(String text) {
        if (text == null || text.isBlank() || text.length() > TEXT_LENGTH_MAX) {
            return Optional.empty();
        }
        String normal = normalize(text);
        List<String> words = words(normal);
        String unspaced = normal.replace(" ", "");
        for (Language language : List.of(Language.ZH, Language.FA, Language.RU, Language.FR, Language.EN)) {
            for (String phrase : PHRASES.get(language)) {
                if (language == Language.ZH ? unspaced.contains(phrase) : matches(words, words(phrase))) {
                    return Optional.of(language);
                }
            }
        }
        return Optional.empty();
    }

    /** Lower case, Arabic letters as Persian writes them, the zero-width non-joiner as a space. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replace('ي', 'ی')
                .replace('ك', 'ک')
                .replace('\u200c', ' ')
                .replace('’', '\'')
                .replace('ё', 'е');
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.split("[^\\p{L}\\p{M}'*]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static boolean matches(List<String> words, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            boolean all = true;
            for (int j = 0; j < phrase.size() && all; j++) {
                String p = phrase.get(j);
                String w = words.get(i + j);
                all = p.endsWith("*") ? w.startsWith(p.substring(0, p.length() - 1)) : w.equals(p);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
