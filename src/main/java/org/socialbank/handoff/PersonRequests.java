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
 *
 * <p>A one-word phrase ("agent", "менеджеру", "اپراتور") is also an ordinary word of a command:
 * "pay the agent 20 for rent", "переведи менеджеру 500", "شارژ ۵۰ هزار تومان اپراتور ایرانسل". It
 * asks for a person only when it is most of the text ("Agent!", "un conseiller svp") or follows a
 * talk or connect verb of its language ("соедините с оператором"; in Persian, whose verb comes
 * last, anywhere: "با اپراتور صحبت کنم"), and never in a text with a digit (an amount or a phone
 * number: a command). The engine also never asks when its parser reads a command with an amount
 * or a phone number (review 2026-12-07 assistant follow-up).
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

    /**
     * Verbs that make a one-word phrase after them a request ("talk to an agent", "parler à un
     * conseiller", "позовите специалиста"); a {@code *} ends a stem.
     */
    private static final Map<Language, List<String>> TALK_VERBS = Map.of(
            Language.EN,
                    List.of(
                            "talk*",
                            "speak*",
                            "chat",
                            "connect*",
                            "transfer*",
                            "put",
                            "get",
                            "want*",
                            "need*",
                            "call",
                            "contact",
                            "reach"),
            Language.FR,
                    List.of(
                            "parler",
                            "parle",
                            "contact*",
                            "joindre",
                            "pass*",
                            "mett*",
                            "veu*",
                            "voudr*",
                            "besoin",
                            "appel*",
                            "transf*",
                            "relation"),
            Language.RU,
                    List.of(
                            "поговор*",
                            "говор*",
                            "связ*",
                            "свяж*",
                            "соедин*",
                            "перевед*",
                            "переключ*",
                            "позов*",
                            "позвать",
                            "нуж*",
                            "хочу",
                            "хотел*",
                            "дайте",
                            "вызов*",
                            "обрат*"),
            Language.FA, List.of("صحبت", "حرف", "وصل", "تماس", "ارتباط", "خواهم", "خوام", "میخوام", "میخواهم"));

    /** Words that say nothing about what she wants: "operator please" is most of its text. */
    private static final java.util.Set<String> FILLERS = java.util.Set.of(
            "a",
            "an",
            "the",
            "please",
            "pls",
            "plz",
            "hi",
            "hello",
            "hey",
            "now",
            "un",
            "une",
            "le",
            "la",
            "l'",
            "svp",
            "stp",
            "s'il",
            "vous",
            "plaît",
            "plait",
            "bonjour",
            "пожалуйста",
            "плиз",
            "срочно",
            "здравствуйте",
            "привет",
            "لطفا",
            "لطفاً",
            "سلام",
            "یه",
            "یک");

    private PersonRequests() {}

    /** The language of the phrase that asked for a person; empty when the text asks for none. */
    public static Optional<Language> asks(String text) {
        if (text == null || text.isBlank() || text.length() > TEXT_LENGTH_MAX) {
            return Optional.empty();
        }
        String normal = normalize(text);
        List<String> words = words(normal);
        String unspaced = normal.replace(" ", "");
        boolean digits = text.chars().anyMatch(Character::isDigit);
        for (Language language : List.of(Language.ZH, Language.FA, Language.RU, Language.FR, Language.EN)) {
            for (String phrase : PHRASES.get(language)) {
                if (language == Language.ZH
                        ? unspaced.contains(phrase)
                        : asks(language, words, words(phrase), digits)) {
                    return Optional.of(language);
                }
            }
        }
        return Optional.empty();
    }

    /** A phrase of several words anywhere; one word only as most of the text or after a talk verb. */
    private static boolean asks(Language language, List<String> words, List<String> phrase, boolean digits) {
        int at = at(words, phrase);
        if (at < 0 || phrase.size() > 1) {
            return at >= 0;
        }
        if (digits) {
            return false; // an amount or a phone number: "pay the agent 20", "оператор МТС 500"
        }
        long others = words.stream().filter(w -> !FILLERS.contains(w)).count() - 1;
        if (others == 0) {
            return true;
        }
        List<String> before = language == Language.FA ? words : words.subList(0, at);
        return before.stream().anyMatch(w -> TALK_VERBS.get(language).stream().anyMatch(v -> same(v, w)));
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

    /** Where the phrase starts among the words; -1 when it does not occur. */
    private static int at(List<String> words, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            boolean all = true;
            for (int j = 0; j < phrase.size() && all; j++) {
                all = same(phrase.get(j), words.get(i + j));
            }
            if (all) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(String pattern, String word) {
        return pattern.endsWith("*")
                ? word.startsWith(pattern.substring(0, pattern.length() - 1))
                : word.equals(pattern);
    }
}
