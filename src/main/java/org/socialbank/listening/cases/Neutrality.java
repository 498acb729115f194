package org.socialbank.listening.cases;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a public reply may be posted, pure: it must carry no personal or account data. A
 * reply that names an amount or a balance, an account (IBAN or a long number), a card number, a
 * phone number or an e-mail address is refused with the reason; the agent can reply privately in
 * the customer's chat instead. Digits of any script count (Persian, Arabic, full-width).
 */
final class Neutrality {

    static final int LENGTH_MAX = 280;

    /** Why a reply is not neutral: a stable code, shown to staff as {@code cases.reply.rejected.<code>}. */
    enum Reason {
        EMPTY,
        TOO_LONG,
        EMAIL,
        CARD_NUMBER,
        ACCOUNT_NUMBER,
        PHONE_NUMBER,
        AMOUNT,
        BALANCE;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    sealed interface Verdict permits Neutral, NotNeutral {}

    record Neutral(String text) implements Verdict {}

    record NotNeutral(Reason reason) implements Verdict {}

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\\b");
    /** Digits with the separators people put inside long numbers (spaces, dashes, dots, slashes). */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9](?:[ .\\-/()]{0,2}[0-9])*");

    private static final Pattern CURRENCY = Pattern.compile(
            "(?i)\\p{Sc}|\\b(?:eur|usd|gbp|rub|irr|irt|cny|rmb|euros?|dollars?|roubles?|rubles?|yuan)\\b"
                    + "|руб|долл|томан|تومان|ریال|دلار|یورو|元|块|圆|美元|欧元|人民币");
    private static final Pattern BALANCE =
            Pattern.compile("(?i)\\bbalance\\b|\\bsolde\\b|баланс|остаток|موجودی|مانده|余额|結餘|结余");

    /** Chinese numerals before a currency: 一百元, 两千块. */
    private static final Pattern HAN_AMOUNT = Pattern.compile("[〇零一二三四五六七八九十百千万萬亿億两兩]+(?:元|块|圆|美元|欧元)");

    private static final Pattern DECIMAL_AMOUNT = Pattern.compile("[0-9][.,][0-9]{2}\\b");

    private Neutrality() {}

    static Verdict check(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return new NotNeutral(Reason.EMPTY);
        }
        if (text.codePointCount(0, text.length()) > LENGTH_MAX) {
            return new NotNeutral(Reason.TOO_LONG);
        }
        String ascii = asciiDigits(text);
        if (EMAIL.matcher(ascii).find()) {
            return new NotNeutral(Reason.EMAIL);
        }
        if (IBAN.matcher(ascii.toUpperCase(Locale.ROOT)).find()) {
            return new NotNeutral(Reason.ACCOUNT_NUMBER);
        }
        var numbers = NUMBER.matcher(ascii);
        while (numbers.find()) {
            Reason reason = longNumber(numbers.group());
            if (reason != null) {
                return new NotNeutral(reason);
            }
        }
        if (BALANCE.matcher(ascii).find()) {
            return new NotNeutral(Reason.BALANCE);
        }
        if (CURRENCY.matcher(ascii).find() && ascii.chars().anyMatch(Character::isDigit)) {
            return new NotNeutral(Reason.AMOUNT);
        }
        if (DECIMAL_AMOUNT.matcher(ascii).find() || HAN_AMOUNT.matcher(ascii).find()) {
            return new NotNeutral(Reason.AMOUNT);
        }
        return new Neutral(text);
    }

    /** Whether the text holds a run of 13 to 19 digits: a card number, said in no chat at all. */
    static boolean holdsCardNumber(String text) {
        var numbers = NUMBER.matcher(asciiDigits(text));
        while (numbers.find()) {
            if (longNumber(numbers.group()) == Reason.CARD_NUMBER) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a run of digits is, by how many digits it has: 13 to 19 a card; 7 to 12, or 7 and more
     * after a +, a phone; more than 19 an account; 5 or 6 an amount (or a customer number); up to
     * 4 nothing (a time, a day, a year, a short count).
     */
    private static Reason longNumber(String number) {
        int digits = (int) number.chars().filter(Character::isDigit).count();
        if (number.startsWith("+") && digits >= 7) {
            return Reason.PHONE_NUMBER;
        }
        if (digits >= 13 && digits <= 19) {
            return Reason.CARD_NUMBER;
        }
        if (digits >= 7 && digits <= 12) {
            return Reason.PHONE_NUMBER;
        }
        if (digits > 19) {
            return Reason.ACCOUNT_NUMBER;
        }
        if (digits >= 5) {
            return Reason.AMOUNT;
        }
        return null;
    }

    /** Any script's decimal digits as ASCII digits, so that one set of patterns reads them all. */
    static String asciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int d = Character.isDigit(c) ? Character.digit(c, 10) : -1;
            if (d >= 0) {
                out.append((char) ('0' + d));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
