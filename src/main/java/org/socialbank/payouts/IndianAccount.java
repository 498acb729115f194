package org.socialbank.payouts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An account at an Indian bank: its number (9 to 18 digits; spaces and dashes are dropped) and
 * the IFSC of its branch (four letters for the bank, a zero, six letters or digits for the branch).
 */
public record IndianAccount(String number, String ifsc) implements ExternalAccount {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{9,18}");
    private static final Pattern IFSC = Pattern.compile("^[A-Z]{4}0[A-Z0-9]{6}$");

    public IndianAccount {
        number = normalizeNumber(number);
        ifsc = normalizeIfsc(ifsc);
        Optional<AccountProblem> problem = problemWith(number, ifsc);
        if (problem.isPresent()) {
            throw new InvalidAccount(problem.get().code());
        }
    }

    /** Why a number and an IFSC (as a person typed them) are not a valid account, or empty when they are. */
    public static Optional<AccountProblem> check(String number, String ifsc) {
        return problemWith(normalizeNumber(number), normalizeIfsc(ifsc));
    }

    private static String normalizeNumber(String number) {
        return number == null ? "" : number.replaceAll("[\\s-]", "");
    }

    private static String normalizeIfsc(String ifsc) {
        return ifsc == null ? "" : ifsc.strip().toUpperCase(Locale.ROOT);
    }

    private static Optional<AccountProblem> problemWith(String number, String ifsc) {
        if (!NUMBER.matcher(number).matches()) {
            return Optional.of(new AccountProblem(AccountProblem.ACCOUNT_NUMBER));
        }
        return IFSC.matcher(ifsc).matches() ? Optional.empty() : Optional.of(new AccountProblem(AccountProblem.IFSC));
    }

    /** The last four digits and the IFSC: {@code ****6789 / HDFC0001234}. */
    @Override
    public String masked() {
        return "****" + number.substring(number.length() - 4) + " / " + ifsc;
    }

    @Override
    public String display() {
        return number + " / " + ifsc;
    }

    @Override
    public String toString() {
        return masked();
    }
}
