package org.socialbank.branches;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Booking codes a customer reads out at the counter: six characters from an alphabet without the
 * look-alikes (0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V), about 8.6e7 codes; the store's UNIQUE
 * constraint settles the rare collision by drawing again.
 */
public final class BookingCodes {

    public static final String ALPHABET = "ACEFGHJKMNPRTWXY34679";
    public static final int LENGTH = 6;

    private static final RandomGenerator RANDOM = new SecureRandom();

    private BookingCodes() {}

    public static String next() {
        return next(RANDOM);
    }

    static String next(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Whether {@code text} could be a code (case and spaces forgiven by {@link #normalize}). */
    public static boolean isCode(String text) {
        return text != null && text.length() == LENGTH && text.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    public static String normalize(String text) {
        return text == null ? "" : text.replace(" ", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }
}
