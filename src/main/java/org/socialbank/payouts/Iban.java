package org.socialbank.payouts;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An International Bank Account Number, normalized (no spaces or dashes, upper case) and checked:
 * letters and digits only, a country of the IBAN registry, that country's length, and the ISO
 * 7064 MOD 97-10 check digits. What a person types ({@link #of}, {@link #check}) must also carry
 * check digits 02..98; the constructor does not ask that, so that a payout or setting stored
 * before that rule (00, 01 and 99 pass MOD 97 as well) still reads back (reread 2026-12-08 payouts).
 *
 * @param value the IBAN in its electronic form, e.g. {@code FR7630006000011234567890189}
 */
public record Iban(String value) implements ExternalAccount {

    /** The longest IBAN of any country (Saint Lucia and Russia are 32 and 33). */
    public static final int LENGTH_MAX = 34;

    private static final int CHECK_DIGITS_MIN = 2;
    private static final int CHECK_DIGITS_MAX = 98;

    /** Checks the form and MOD 97 only; new accounts come through {@link #of}, which asks more. */
    public Iban {
        Objects.requireNonNull(value, "value");
        value = normalize(value);
        refuse(structuralProblem(value));
    }

    /**
     * Why a text (as a person typed it: spaces, dashes, any case) is not a valid IBAN, or empty
     * when it is one. Reading what a person typed uses this, never the constructor's refusal.
     */
    public static Optional<AccountProblem> check(String text) {
        return problemWith(normalize(text == null ? "" : text));
    }

    /** A new account, as typed or sent: also refuses check digits 00, 01 and 99. */
    public static Iban of(String text) {
        Objects.requireNonNull(text, "text");
        refuse(problemWith(normalize(text)));
        return new Iban(text);
    }

    /**
     * An account accepted earlier (a stored payout, a configured account): checked as the
     * constructor checks, so that check digits 00, 01 or 99, which MOD 97 passes and which an
     * earlier version accepted, still read back instead of failing every read.
     */
    public static Iban stored(String value) {
        return new Iban(value);
    }

    /** The country code, e.g. {@code FR}. */
    public String country() {
        return value.substring(0, 2);
    }

    /** Country and check digits, then only the last four characters: {@code FR76 **** **** 0189}. */
    @Override
    public String masked() {
        return value.substring(0, 4) + " **** **** " + value.substring(value.length() - 4);
    }

    /** Groups of four, as printed on a statement. */
    @Override
    public String display() {
        StringBuilder grouped = new StringBuilder(value.length() + value.length() / 4);
        for (int i = 0; i < value.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(value, i, Math.min(i + 4, value.length()));
        }
        return grouped.toString();
    }

    @Override
    public String toString() {
        return masked();
    }

    /**
     * Drops spaces and dashes and upper-cases ASCII letters only: {@code toUpperCase} would turn a
     * dotless {@code ı} into {@code I} (or {@code ſ} into {@code S}) and let a text that is no IBAN
     * pass (review 2026-12-07 payout follow-up); any other character stays, for the check to refuse.
     */
    private static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '-' && c != '\u00a0' && c != '\t') {
                out.append(c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c);
            }
        }
        return out.toString();
    }

    private static void refuse(Optional<AccountProblem> problem) {
        if (problem.isPresent()) {
            throw new InvalidAccount(problem.get().code());
        }
    }

    private static Optional<AccountProblem> problemWith(String iban) {
        Optional<AccountProblem> structural = structuralProblem(iban);
        if (structural.isPresent()) {
            return structural;
        }
        // ISO 13616 check digits are 02..98: 00, 01 and 99 can pass MOD 97-10 yet are never issued
        int checkDigits = Integer.parseInt(iban.substring(2, 4));
        boolean digitsIssued = checkDigits >= CHECK_DIGITS_MIN && checkDigits <= CHECK_DIGITS_MAX;
        return digitsIssued ? Optional.empty() : problem(AccountProblem.IBAN_CHECKSUM);
    }

    private static Optional<AccountProblem> structuralProblem(String iban) {
        if (iban.length() < 5 || iban.length() > LENGTH_MAX) {
            return problem(AccountProblem.IBAN_LENGTH);
        }
        for (int i = 0; i < iban.length(); i++) {
            char c = iban.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z';
            boolean digit = c >= '0' && c <= '9';
            if (i < 2 ? !letter : i < 4 ? !digit : !(letter || digit)) {
                return problem(AccountProblem.IBAN_CHARACTERS);
            }
        }
        Integer length = IbanCountries.LENGTHS.get(iban.substring(0, 2));
        if (length == null) {
            return problem(AccountProblem.IBAN_COUNTRY);
        }
        if (iban.length() != length) {
            return problem(AccountProblem.IBAN_LENGTH);
        }
        return mod97(iban) != 1 ? problem(AccountProblem.IBAN_CHECKSUM) : Optional.empty();
    }

    private static Optional<AccountProblem> problem(String code) {
        return Optional.of(new AccountProblem(code));
    }

    /** ISO 7064 MOD 97-10 of the rearranged IBAN (first four characters moved to the end, A=10...). */
    static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int n = Character.digit(rearranged.charAt(i), 36);
            remainder = n < 10 ? (remainder * 10 + n) % 97 : (remainder * 100 + n) % 97;
        }
        return remainder;
    }

    /** The IBAN registry's total length per country; Iran (IR) uses IBANs outside the registry. */
    static final class IbanCountries {

        static final Map<String, Integer> LENGTHS = Map.ofEntries(
                Map.entry("AD", 24),
                Map.entry("AE", 23),
                Map.entry("AL", 28),
                Map.entry("AT", 20),
                Map.entry("AZ", 28),
                Map.entry("BA", 20),
                Map.entry("BE", 16),
                Map.entry("BG", 22),
                Map.entry("BH", 22),
                Map.entry("BI", 27),
                Map.entry("BR", 29),
                Map.entry("BY", 28),
                Map.entry("CH", 21),
                Map.entry("CR", 22),
                Map.entry("CY", 28),
                Map.entry("CZ", 24),
                Map.entry("DE", 22),
                Map.entry("DJ", 27),
                Map.entry("DK", 18),
                Map.entry("DO", 28),
                Map.entry("EE", 20),
                Map.entry("EG", 29),
                Map.entry("ES", 24),
                Map.entry("FI", 18),
                Map.entry("FK", 18),
                Map.entry("FO", 18),
                Map.entry("FR", 27),
                Map.entry("GB", 22),
                Map.entry("GE", 22),
                Map.entry("GI", 23),
                Map.entry("GL", 18),
                Map.entry("GR", 27),
                Map.entry("GT", 28),
                Map.entry("HN", 28),
                Map.entry("HR", 21),
                Map.entry("HU", 28),
                Map.entry("IE", 22),
                Map.entry("IL", 23),
                Map.entry("IQ", 23),
                Map.entry("IR", 26),
                Map.entry("IS", 26),
                Map.entry("IT", 27),
                Map.entry("JO", 30),
                Map.entry("KW", 30),
                Map.entry("KZ", 20),
                Map.entry("LB", 28),
                Map.entry("LC", 32),
                Map.entry("LI", 21),
                Map.entry("LT", 20),
                Map.entry("LU", 20),
                Map.entry("LV", 21),
                Map.entry("LY", 25),
                Map.entry("MC", 27),
                Map.entry("MD", 24),
                Map.entry("ME", 22),
                Map.entry("MK", 19),
                Map.entry("MN", 20),
                Map.entry("MR", 27),
                Map.entry("MT", 31),
                Map.entry("MU", 30),
                Map.entry("NI", 28),
                Map.entry("NL", 18),
                Map.entry("NO", 15),
                Map.entry("OM", 23),
                Map.entry("PK", 24),
                Map.entry("PL", 28),
                Map.entry("PS", 29),
                Map.entry("PT", 25),
                Map.entry("QA", 29),
                Map.entry("RO", 24),
                Map.entry("RS", 22),
                Map.entry("RU", 33),
                Map.entry("SA", 24),
                Map.entry("SC", 31),
                Map.entry("SD", 18),
                Map.entry("SE", 24),
                Map.entry("SI", 19),
                Map.entry("SK", 24),
                Map.entry("SM", 27),
                Map.entry("SO", 23),
                Map.entry("ST", 25),
                Map.entry("SV", 28),
                Map.entry("TL", 23),
                Map.entry("TN", 24),
                Map.entry("TR", 26),
                Map.entry("UA", 29),
                Map.entry("VA", 22),
                Map.entry("VG", 24),
                Map.entry("XK", 20),
                Map.entry("YE", 30));

        private IbanCountries() {}
    }
}
