package org.socialbank.listening.cases;

import java.util.Locale;
import java.util.regex.Pattern;
import org.socialbank.shared.Digits;
import org.socialbank.shared.PublicText;

/**
 * Whether a public reply may be posted, pure: it must carry no personal or account data and no
 * number at all. A reply that names an account (IBAN or a long number), a card number, a phone
 * number, an e-mail address or a balance is refused with that reason; beyond those, every public
 * channel's one rule ({@link PublicText}, which X's sender applies again): a currency sign or word
 * is an {@code amount}, any other number (a digit of any script, two Chinese numerals in a row) a
 * {@code number}, so "500,000 rials", "Rs 2,000" or "your 4500 refund" never go out. The agent
 * can reply privately in the customer's chat instead.
 */
final class Neutrality {

    static final int LENGTH_MAX = 280;

    /** Why a reply is not neutral: a stable code, shown to staff as {@code cases.rejected.<code>}. */
    enum Reason {
        EMPTY,
        TOO_LONG,
        EMAIL,
        CARD_NUMBER,
        ACCOUNT_NUMBER,
        PHONE_NUMBER,
        AMOUNT,
        BALANCE,
        NUMBER;

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

    private static final Pattern BALANCE =
            Pattern.compile("(?i)\\bbalance\\b|\\bsolde\\b|баланс|остаток|موجودی|مانده|余额|結餘|结余");

    private Neutrality() {}

    static Verdict check(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return new NotNeutral(Reason.EMPTY);
        }
        if (text.codePointCount(0, text.length()) > LENGTH_MAX) {
            return new NotNeutral(Reason.TOO_LONG);
        }
        String ascii = Digits.toAscii(text);
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
        if (PublicText.namesMoney(text)) {
            return new NotNeutral(Reason.AMOUNT);
        }
        if (PublicText.holdsNumber(text)) {
            return new NotNeutral(Reason.NUMBER);
        }
        return new Neutral(text);
    }

    /** Whether the text holds a run of 13 to 19 digits: a card number, said in no chat at all. */
    static boolean holdsCardNumber(String text) {
        var numbers = NUMBER.matcher(Digits.toAscii(text));
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
     * 4 none of those (still a number, which no public reply holds).
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
}
