package org.socialbank.cards;

import java.util.random.RandomGenerator;

/**
 * Card numbers (PANs), pure: the Luhn check digit, issuing a fresh number under a BIN and the
 * masked form, which shows the first six and the last four digits at most. The whole number exists
 * only in memory while a card is issued; it is never stored, answered or logged.
 */
public final class CardNumbers {

    /** Every card this bank issues has 16 digits. */
    public static final int LENGTH = 16;

    private static final int SHOWN_FIRST = 6;
    private static final int SHOWN_LAST = 4;

    private CardNumbers() {}

    /** Whether {@code digits} (13 to 19 ASCII digits) ends with a correct Luhn check digit. */
    public static boolean luhnValid(String digits) {
        if (digits == null || digits.length() < 13 || digits.length() > 19 || !allDigits(digits)) {
            return false;
        }
        return luhnSum(digits, false) % 10 == 0;
    }

    /** A new number: the six-digit BIN, random digits from {@code random}, then the check digit. */
    public static String issue(String bin, RandomGenerator random) {
        if (bin == null || bin.length() != SHOWN_FIRST || !allDigits(bin)) {
            throw new IllegalArgumentException("a BIN is six digits");
        }
        StringBuilder number = new StringBuilder(bin);
        while (number.length() < LENGTH - 1) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        return number.append(checkDigit(number.toString())).toString();
    }

    /** The digit that makes {@code body + digit} pass the Luhn check. */
    static int checkDigit(String body) {
        return (10 - luhnSum(body, true) % 10) % 10;
    }

    /** First six, stars, last four: {@code 400012******1234}. */
    public static String mask(String digits) {
        if (!luhnValid(digits)) {
            throw new IllegalArgumentException("not a card number");
        }
        return digits.substring(0, SHOWN_FIRST)
                + "*".repeat(digits.length() - SHOWN_FIRST - SHOWN_LAST)
                + digits.substring(digits.length() - SHOWN_LAST);
    }

    /**
     * The Luhn sum; {@code doubleLast} when the rightmost digit of {@code digits} is in a doubled
     * position (it is when a check digit is still to be appended).
     */
    private static int luhnSum(String digits, boolean doubleLast) {
        int sum = 0;
        boolean doubled = doubleLast;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum;
    }

    private static boolean allDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
