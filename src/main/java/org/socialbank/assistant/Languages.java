package org.socialbank.assistant;

import java.util.List;
import java.util.Set;
import org.socialbank.shared.Language;

/**
 * The languages the assistant reads, and a guess of a text's language when the caller does not
 * say it: the script tells Chinese, Persian and Russian apart; among Latin-script texts, French
 * accents or French function words make it French, anything else is read as English.
 */
final class Languages {

    static final List<String> OTHERS =
            Language.tags().stream().filter(tag -> !tag.equals("en")).toList();
    static final Set<String> ALL = Set.copyOf(Language.tags());
    private static final Set<String> FRENCH_WORDS = Set.of(
            "je",
            "j",
            "ma",
            "mon",
            "mes",
            "est",
            "pas",
            "une",
            "le",
            "la",
            "les",
            "des",
            "du",
            "pour",
            "comment",
            "carte",
            "virement",
            "compte",
            "pourquoi",
            "quand",
            "où",
            "ai",
            "suis",
            "puis",
            "vous",
            "veux",
            "argent",
            "n",
            "ne",
            "toujours");

    private Languages() {}

    static String guess(String text) {
        int han = 0;
        int arabic = 0;
        int cyrillic = 0;
        for (int i = 0; i < text.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
            switch (script) {
                case HAN -> han++;
                case ARABIC -> arabic++;
                case CYRILLIC -> cyrillic++;
                default -> {}
            }
        }
        int most = Math.max(han, Math.max(arabic, cyrillic));
        if (most > 0) {
            return most == han ? "zh" : most == arabic ? "fa" : "ru";
        }
        return looksFrench(text) ? "fr" : "en";
    }

    private static boolean looksFrench(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.matches(".*[éèêàçùûôîœ].*")) {
            return true;
        }
        int french = 0;
        for (String word : lower.split("[^\\p{L}]+")) {
            french += FRENCH_WORDS.contains(word) ? 1 : 0;
        }
        return french >= 2;
    }
}
