package org.socialbank.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets a customer should never type in a chat: a card number (13 to 19 digits, grouped or not,
 * that pass the Luhn check), or a short code right after a word that names one (PIN, CVV, code,
 * password, in the five languages). Digits of any script count (Persian ۱۲۳, Arabic ١٢٣). Whatever
 * keeps or passes on a text someone typed (the handoff transcript, the web chat's history, a spike
 * alert's example in the staff chat) keeps it masked, and what staff write to a customer is refused
 * when it holds one. One implementation for every module (it was {@code handoff.Secrets}); pure
 * and thread-safe.
 */
public final class Secrets {

    private static final Pattern CARD = Pattern.compile("(?<![\\p{Nd}])\\p{Nd}(?:[ \\-]?\\p{Nd}){12,18}(?![\\p{Nd}])");
    /**
     * A word that names a code, then the code. Words in spaced scripts start a word, so that
     * "shipping 2500", "barcode 12345678" or "opinion" name no PIN or code (an agent's reply with
     * one would be refused for nothing); Chinese has no spaces, its words count anywhere.
     */
    private static final Pattern CODE = Pattern.compile(
            "(?iu)((?<!\\p{L})(?:pin|cvv|cvc|code|otp|password|passcode|mot de passe|пин|код|пароль|رمز|کد)|密码|验证码|口令)"
                    + "[^\\p{Nd}]{0,12}(\\p{Nd}{3,8})(?![\\p{Nd}])");

    private Secrets() {}

    /** What a text holds: the text with every secret masked, and whether there was one. */
    public record Screened(String text, boolean secret) {}

    public static Screened screen(String text) {
        StringBuilder out = new StringBuilder();
        Matcher card = CARD.matcher(text);
        boolean found = false;
        int last = 0;
        while (card.find()) {
            if (luhn(card.group())) {
                out.append(text, last, card.start()).append(maskKeepingLast4(card.group()));
                last = card.end();
                found = true;
            }
        }
        out.append(text.substring(last));
        Matcher code = CODE.matcher(out);
        StringBuilder masked = new StringBuilder();
        int from = 0;
        while (code.find()) {
            masked.append(out, from, code.start(2))
                    .append("•".repeat(code.group(2).length()));
            from = code.end(2);
            found = true;
        }
        masked.append(out.substring(from));
        return new Screened(masked.toString(), found);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = Character.digit(digits.charAt(i), 10);
            if (d < 0) {
                continue;
            }
            int v = twice ? d * 2 : d;
            sum += v > 9 ? v - 9 : v;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static String maskKeepingLast4(String group) {
        StringBuilder masked = new StringBuilder();
        int digitsSeen = 0;
        int digitsTotal =
                (int) group.chars().filter(c -> Character.digit(c, 10) >= 0).count();
        for (char c : group.toCharArray()) {
            if (Character.digit(c, 10) >= 0) {
                digitsSeen++;
                masked.append(digitsSeen > digitsTotal - 4 ? c : '•');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
