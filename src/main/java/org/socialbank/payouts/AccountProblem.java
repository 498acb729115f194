package org.socialbank.payouts;

import java.util.Objects;
import java.util.Set;

/**
 * Why a text is not an external account, as a stable code: {@code iban_characters}, {@code
 * iban_country}, {@code iban_length}, {@code iban_checksum}, {@code account_number} or {@code
 * ifsc}; or why a valid account cannot receive a currency: {@code currency}. Each has a message
 * under {@link #messageKey()} in every language.
 */
public record AccountProblem(String code) {

    public static final String IBAN_CHARACTERS = "iban_characters";
    public static final String IBAN_COUNTRY = "iban_country";
    public static final String IBAN_LENGTH = "iban_length";
    public static final String IBAN_CHECKSUM = "iban_checksum";
    public static final String ACCOUNT_NUMBER = "account_number";
    public static final String IFSC = "ifsc";
    /** The account cannot be paid in the currency (see {@link ExternalAccount#problemWithCurrency}). */
    public static final String CURRENCY = "currency";

    public static final Set<String> CODES =
            Set.of(IBAN_CHARACTERS, IBAN_COUNTRY, IBAN_LENGTH, IBAN_CHECKSUM, ACCOUNT_NUMBER, IFSC, CURRENCY);

    public AccountProblem {
        Objects.requireNonNull(code, "code");
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("unknown account problem: " + code);
        }
    }

    /** The key of this problem's message in the message bundles, e.g. {@code payouts.account.iban_checksum}. */
    public String messageKey() {
        return "payouts.account." + code;
    }
}
