package org.socialbank.conversation.language;

import java.math.BigDecimal;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;

/**
 * What a word of the lexicon means. {@code language()} is the language the word belongs to, for
 * detecting the text's language; null for words every language writes alike (EUR, ₽, AA).
 */
sealed interface Sense {

    Language language();

    /** A word that asks for an intent; a weak one ("give", "hello") only when no other does. */
    record IntentWord(Intent intent, boolean weak, Language language) implements Sense {}

    /** "how", "comment", "как": a question about an intent asks for help with it. */
    record HowWord(Language language) implements Sense {}

    /** A word that says nothing but the language it is in: "to", "à", "на", "به", "给". */
    record Filler(Language language) implements Sense {}

    /**
     * A currency's name, code or sign.
     *
     * @param code ISO 4217, or {@link #YEN_SIGN} for ¥ (yuan in Chinese or in China, else yen)
     * @param factor what an amount in this unit is in the currency: 10 for the toman (ten rials),
     *     0.1 for the Chinese 毛 (a tenth of a yuan)
     * @param nextToNumberOnly whether it names a currency only next to a number: "rs", "р", "mad"
     */
    record CurrencyWord(String code, BigDecimal factor, boolean nextToNumberOnly, Language language) implements Sense {

        static final String YEN_SIGN = "¥";

        CurrencyCode currency(Language textLanguage, String region) {
            if (YEN_SIGN.equals(code)) {
                boolean chinese = textLanguage == Language.ZH || "CN".equals(region);
                return CurrencyCode.of(chinese ? "CNY" : "JPY");
            }
            return CurrencyCode.of(code);
        }
    }

    /**
     * A minor unit after digits: "50 cents" is 0.50, "50 копеек" 0.50 RUB, "5分" 0.05 CNY.
     *
     * @param code the currency the unit belongs to, or null when it is any (cents, centimes)
     */
    record Subunit(BigDecimal factor, String code, Language language) implements Sense {}

    /**
     * "k", "тыс.", "هزار", "mille": the number before it times {@code factor}.
     *
     * @param glued whether it must touch the number ({@code 2k}, {@code 10к}), as a lone letter
     *     means something else
     */
    record Multiplier(BigDecimal factor, boolean glued, Language language) implements Sense {}

    /**
     * A number written as a word: "twenty", "cinq", "пятьсот", "پنجاه".
     *
     * @param hundred whether it multiplies what comes before by a hundred ("five hundred",
     *     "trois cents"), rather than adding ("сто", "دویست")
     * @param weak whether it is also an article ("un", "one", "یه"): a number only next to a
     *     currency or another number word
     */
    record NumberWord(BigDecimal value, boolean hundred, boolean weak, Language language) implements Sense {}

    /** The name of a language to switch to ("anglais", "по-русски", "中文"). */
    record LanguageName(Language target, Language language) implements Sense {}
}
