package org.socialbank.listening.classify;

import java.util.Set;

/**
 * Tells en, fr, ru, fa and zh apart by script first, then, for Latin text, by stopwords and
 * French accents. A mixed text goes to its non-Latin language when that script carries at least
 * a third of the words: "my card 又被冻结了" is Chinese, "приложение опять down" Russian; bank
 * words borrowed in Latin letters (app, card, block) do not make a text English.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";

    private static final Set<String> EN = Set.of(
            "the", "is", "and", "my", "i", "to", "of", "a", "it", "not", "you", "your", "for", "with", "this", "that",
            "was", "in", "on", "me", "have", "has", "why", "what", "again", "no", "can", "cant", "can't", "don't",
            "dont", "just", "so", "are", "be", "thanks", "thank", "great", "bank", "money", "still", "at", "from",
            "they", "we", "been", "will", "did", "how", "best", "love", "worst", "never", "service", "account",
            "charged", "fee", "fees", "hours", "days", "waiting");
    private static final Set<String> FR = Set.of(
            "le",
            "la",
            "les",
            "des",
            "est",
            "et",
            "je",
            "mon",
            "ma",
            "mes",
            "pas",
            "une",
            "un",
            "du",
            "pour",
            "avec",
            "sur",
            "ne",
            "que",
            "qui",
            "c",
            "ça",
            "ca",
            "très",
            "tres",
            "merci",
            "bonjour",
            "carte",
            "banque",
            "virement",
            "frais",
            "encore",
            "depuis",
            "toujours",
            "rien",
            "vous",
            "votre",
            "vos",
            "il",
            "elle",
            "on",
            "nous",
            "mais",
            "au",
            "aux",
            "en",
            "j",
            "l",
            "d",
            "n",
            "qu",
            "super",
            "bravo",
            "jamais",
            "sont",
            "ai",
            "suis",
            "appli",
            "compte",
            "bloquée",
            "bloquee",
            "argent",
            "plus",
            "trop",
            "jours",
            "heures",
            "service",
            "client",
            "arnaque",
            "nul",
            "nulle");

    private LanguageDetector() {}

    public static String detect(String text) {
        String folded = Texts.fold(text);
        int latin = 0;
        int cyrillic = 0;
        int arabic = 0;
        int han = 0;
        int accents = 0;
        boolean inWord = false;
        Character.UnicodeScript wordScript = null;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                inWord = false;
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN) {
                han++;
                inWord = false;
                continue;
            }
            if (script == Character.UnicodeScript.LATIN && "éèêàçùâîôûœëï".indexOf(cp) >= 0) {
                accents++;
            }
            if (!inWord || script != wordScript) {
                switch (script) {
                    case LATIN -> latin++;
                    case CYRILLIC -> cyrillic++;
                    case ARABIC -> arabic++;
                    default -> {}
                }
            }
            inWord = true;
            wordScript = script;
        }
        return decide(folded, latin, cyrillic, arabic, han, accents);
    }

    private static String decide(String folded, int latin, int cyrillic, int arabic, double han, int accents) {
        double zh = han / 1.7; // about 1.7 characters a Chinese word
        double best = Math.max(zh, Math.max(cyrillic, arabic));
        if (best == 0 && latin == 0) {
            return UNDETERMINED;
        }
        if (best > 0 && best * 2 >= latin) {
            if (best == zh) {
                return "zh";
            }
            return cyrillic >= arabic ? "ru" : "fa";
        }
        return latinLanguage(folded, accents);
    }

    private static String latinLanguage(String folded, int accents) {
        int en = 0;
        int fr = accents;
        for (String token : folded.split("[^\\p{L}']+|'")) {
            if (EN.contains(token)) {
                en++;
            }
            if (FR.contains(token)) {
                fr++;
            }
        }
        return fr > en ? "fr" : "en";
    }
}
