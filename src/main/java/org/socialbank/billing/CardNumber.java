package org.socialbank.billing;

import java.util.Optional;
import org.socialbank.shared.Digits;

/**
 * A payment card number (PAN) as typed or pasted: 16 to 19 digits in any of {@link Digits}' forms
 * with a valid Luhn check digit. It never prints itself whole: {@link #toString()} and {@link
 * #masked()} show the first six and the last four digits at most (PCI DSS 3.4.1), so a PAN cannot
 * leak into a log, an event or an answer by accident; only the card switch reads {@link #digits()}.
 */
public final class CardNumber {

    public static final String INVALID_CARD_NUMBER = "invalid_card_number";
    public static final int LENGTH_MIN = 16;
    public static final int LENGTH_MAX = 19;

    private final String digits;

    private CardNumber(String digits) {
        this.digits = digits;
    }

    /** The card number, or empty when it is not 16 to 19 digits with a valid Luhn check digit. */
    public static Optional<CardNumber> read(String input) {
        return Digits.only(input)
                .filter(d -> d.length() >= LENGTH_MIN && d.length() <= LENGTH_MAX)
                .filter(CardNumber::luhn)
                .filter(d -> !d.substring(6, d.length() - 4).chars().allMatch(c -> c == '0'))
                .map(CardNumber::new);
    }

    /** The whole number: for the card switch only, never for a log, a table, an event or an answer. */
    public String digits() {
        return digits;
    }

    /** The issuer's BIN: the first six digits. */
    public String bin() {
        return digits.substring(0, 6);
    }

    /** The first six and the last four digits, the rest as {@code *}: {@code 603799******1234}. */
    public String masked() {
        return bin() + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
    }

    /**
     * A masked number in groups of four as cards print it: {@code 603799******1234} is shown
     * {@code 6037-99**-****-1234}. Takes only the masked form, so it can never group a whole number.
     */
    public static String grouped(String masked) {
        if (masked == null || !masked.contains("*")) {
            throw new IllegalArgumentException("only a masked card number is grouped");
        }
        StringBuilder out = new StringBuilder(masked.length() + 4);
        for (int i = 0; i < masked.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(masked.charAt(i));
        }
        return out.toString();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardNumber card && card.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
