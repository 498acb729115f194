package org.socialbank.payouts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An account at an Indian bank: its number (9 to 18 digits; spaces and dashes are dropped) and
 * the IFSC of its branch (four letters for the bank, a zero, six letters or digits for the branch).
 */
public record IndianAccount(String number, String ifsc) implements ExternalAccount {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{9,18}");
    private static final Pattern IFSC = Pattern.compile("^[A-Z]{4}0[A-Z0-9]{6}$");

    public IndianAccount {
        number = number == null ? "" : number.replaceAll("[\\s-]", "");
        ifsc = ifsc == null ? "" : ifsc.strip().toUpperCase(Locale.ROOT);
        if (!NUMBER.matcher(number).matches()) {
            throw new InvalidAccount(AccountProblem.ACCOUNT_NUMBER);
        }
        if (!IFSC.matcher(ifsc).matches()) {
            throw new InvalidAccount(AccountProblem.IFSC);
        }
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
