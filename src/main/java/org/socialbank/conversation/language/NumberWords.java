package org.socialbank.conversation.language;

import static org.socialbank.shared.Language.EN;
import static org.socialbank.shared.Language.FA;
import static org.socialbank.shared.Language.FR;
import static org.socialbank.shared.Language.RU;

import java.math.BigDecimal;

/**
 * Numbers written in words, up to the hundreds; thousands and millions are the multipliers of
 * the lexicon ("پنجاه هزار", "две тысячи пятьсот", "trois cent mille"). Chinese numerals have
 * their own reader ({@link ChineseNumerals}).
 */
final class NumberWords {

    private static final long[] TENS = {20, 30, 40, 50, 60, 70, 80, 90};
    private static final long[] HUNDREDS = {100, 200, 300, 400, 500, 600, 700, 800, 900};

    private NumberWords() {}

    static void into(Lexicon.Builder b) {
        b.weakNumber(EN, "one")
                .numbers(
                        EN,
                        2,
                        "two",
                        "three",
                        "four",
                        "five",
                        "six",
                        "seven",
                        "eight",
                        "nine",
                        "ten",
                        "eleven",
                        "twelve",
                        "thirteen",
                        "fourteen",
                        "fifteen",
                        "sixteen",
                        "seventeen",
                        "eighteen",
                        "nineteen")
                .numbers(EN, TENS, "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
                .hundredWord(EN, "hundred")
                .weakNumber(FR, "un", "une")
                .numbers(
                        FR,
                        2,
                        "deux",
                        "trois",
                        "quatre",
                        "cinq",
                        "six",
                        "sept",
                        "huit",
                        "neuf",
                        "dix",
                        "onze",
                        "douze",
                        "treize",
                        "quatorze",
                        "quinze",
                        "seize")
                .numbers(
                        FR,
                        new long[] {20, 30, 40, 50, 60, 70, 80, 80, 90},
                        "vingt",
                        "trente",
                        "quarante",
                        "cinquante",
                        "soixante",
                        "soixante-dix",
                        "quatre-vingt",
                        "quatre-vingts",
                        "quatre-vingt-dix")
                .hundredWord(FR, "cent", "cents")
                .weakNumber(RU, "один", "одна", "одну")
                .numbers(
                        RU,
                        2,
                        "два",
                        "три",
                        "четыре",
                        "пять",
                        "шесть",
                        "семь",
                        "восемь",
                        "девять",
                        "десять",
                        "одиннадцать",
                        "двенадцать",
                        "тринадцать",
                        "четырнадцать",
                        "пятнадцать",
                        "шестнадцать",
                        "семнадцать",
                        "восемнадцать",
                        "девятнадцать")
                .number(RU, BigDecimal.valueOf(2), "две")
                .number(RU, new BigDecimal("1.5"), "полтора", "полторы")
                .numbers(
                        RU,
                        TENS,
                        "двадцать",
                        "тридцать",
                        "сорок",
                        "пятьдесят",
                        "шестьдесят",
                        "семьдесят",
                        "восемьдесят",
                        "девяносто")
                .numbers(
                        RU,
                        HUNDREDS,
                        "сто",
                        "двести",
                        "триста",
                        "четыреста",
                        "пятьсот",
                        "шестьсот",
                        "семьсот",
                        "восемьсот",
                        "девятьсот")
                .weakNumber(FA, "یک", "یه")
                .numbers(FA, 2, "دو", "سه", "چهار", "پنج", "شش")
                .numbers(FA, 7, "هفت", "هشت")
                .numbers(
                        FA, 10, "ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده")
                .number(FA, BigDecimal.valueOf(15), "پونزده")
                .number(FA, BigDecimal.valueOf(18), "هیجده")
                .numbers(FA, TENS, "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود")
                .numbers(FA, HUNDREDS, "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد")
                .number(FA, BigDecimal.valueOf(100), "یکصد")
                .number(FA, BigDecimal.valueOf(500), "پونصد");
    }
}
