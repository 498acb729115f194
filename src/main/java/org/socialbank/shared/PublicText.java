package org.socialbank.shared;

import java.util.regex.Pattern;

/**
 * The one rule for what the bank posts where anyone reads it (a reply on X's timeline, an answer
 * in a Telegram or Bale group): no number and no money. No number character of any script (ASCII,
 * Persian, Arabic-Indic, full-width; Chinese numerals two in a row) and no {@code %}; no currency
 * sign and no currency word or code in the five languages, for the currencies customers name
 * (rial, toman, rupee, pound, franc, euro, yuan ...). Strict on purpose: "500,000 rials", "Rs 2,000"
 * or "your 4500 refund" read as an amount to anyone, and no time or year is worth that risk; what
 * needs a number goes privately. Listening's public replies and X's sender both ask it. Pure.
 */
public final class PublicText {

    /**
     * Chinese numerals are numbers too (五百, 两千), but one alone is mostly a word: 一下 ("a
     * moment"), 第一时间 ("at once"), 十分 ("very"). So a number is two or more of them in a row;
     * one of them (or 几, "a few") before 元 or 块 is money ({@link #CURRENCY_AFTER_NUMERAL}).
     */
    private static final String CJK_NUMERALS = "〇零一二三四五六七八九十百千万萬亿億两兩";

    private static final Pattern CJK_NUMBER = Pattern.compile("[" + CJK_NUMERALS + "]{2,}");
    /**
     * 元 and 块 name money after a number ("五元", "几块") and are parts of ordinary words elsewhere
     * (元旦 New Year's Day, 模块 module, 一块儿 together).
     */
    private static final Pattern CURRENCY_AFTER_NUMERAL = Pattern.compile("[\\p{Nd}" + CJK_NUMERALS + "几幾][元块塊圆圓]");
    /**
     * Signs that go with a number: per cent (ASCII, Arabic, full-width) and the numero sign. Not
     * {@code #}: a hashtag holds no number unless it has digits, which are refused anyway.
     */
    private static final String NUMBER_SIGNS = "%٪％№";

    /**
     * English, French and Russian currency words and codes, whole words with their endings; not
     * Italian "lire" (French for "to read") nor "won" or "try" (English words).
     */
    private static final Pattern CURRENCY_WORD = Pattern.compile("(?iU)\\b(?:"
            + "rials?|riyals?|tomans?|rupees?|roupies?|rs|pounds?|sterling|quid|pence|penny|pennies"
            + "|francs?|euros?|cents?|centimes?|dollars?|bucks|yuans?|renminbi|yen|roubles?|rubles?"
            + "|kopecks?|dirhams?|dinars?|liras?"
            + "|inr|eur|usd|gbp|chf|cny|rmb|jpy|rub|irr|irt|aed"
            + "|рубл\\w*|руб|коп|копе[ей]к\\w*|доллар\\w*|долл|евро|фунт\\w*|франк(?:а|ов|и|ах)?"
            + "|цент(?:а|ов|ы)?|юан\\w*|риал\\w*|томан\\w*|рупи\\w*|динар\\w*|дирхам\\w*"
            + ")\\b");
    /** Persian and Chinese currency words, anywhere in a word (neither script spaces words like Latin). */
    private static final Pattern CURRENCY_IN_WORD =
            Pattern.compile("تومان|تومن|ریال|دلار|یورو|پوند|فرانک|روپیه|یوان|یوآن|روبل|دینار|لیره"
                    + "|镑|人民币|卢比|法郎|卢布|里亚尔|土曼|美元|美金|欧元|日元|港币|英镑");

    private PublicText() {}

    /** Whether the text may be posted publicly: it holds no number and names no money. */
    public static boolean mayBePosted(String text) {
        return !holdsNumber(text) && !namesMoney(text);
    }

    /** A number character of any script, two Chinese numerals in a row, or a sign that goes with a number. */
    public static boolean holdsNumber(String text) {
        return text.codePoints().anyMatch(c -> isNumber(Character.getType(c)) || NUMBER_SIGNS.indexOf(c) >= 0)
                || CJK_NUMBER.matcher(text).find();
    }

    /** A currency sign ($, €, ﷼, ₽ ...) or a currency word or code in the five languages. */
    public static boolean namesMoney(String text) {
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CURRENCY_SYMBOL)
                || CURRENCY_WORD.matcher(text).find()
                || CURRENCY_IN_WORD.matcher(text).find()
                || CURRENCY_AFTER_NUMERAL.matcher(text).find();
    }

    private static boolean isNumber(int type) {
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
