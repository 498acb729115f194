package org.socialbank.payouts;

import java.util.Optional;

/**
 * An account at another bank that a payout can be sent to.
 *
 * <p>Both kinds validate in their constructor and throw {@link InvalidAccount} (an {@link
 * IllegalArgumentException} whose message is a stable code) when the text is not an account.
 * A page that reads what a person typed uses {@link #problemWithIban(String)} or {@link
 * #problemWithIndianAccount(String, String)} to show a localized reason instead.
 */
public sealed interface ExternalAccount permits Iban, IndianAccount {

    /** The account with most of it hidden, for chats, logs and anyone but its holder. */
    String masked();

    /** The whole account, grouped for reading, for its holder's own page. */
    String display();

    /** An IBAN, or empty when the text is not a valid one. */
    static Optional<ExternalAccount> parse(String iban) {
        try {
            return Optional.of(Iban.of(iban));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An Indian account, or empty when the number or the IFSC is not valid. */
    static Optional<ExternalAccount> parseIndian(String number, String ifsc) {
        try {
            return Optional.of(new IndianAccount(number, ifsc));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why a text is not a valid IBAN, or empty when it is one. */
    static Optional<AccountProblem> problemWithIban(String iban) {
        try {
            Iban.of(iban);
            return Optional.empty();
        } catch (InvalidAccount e) {
            return Optional.of(e.problem());
        }
    }

    /** Why an account number and IFSC are not a valid Indian account, or empty when they are. */
    static Optional<AccountProblem> problemWithIndianAccount(String number, String ifsc) {
        try {
            new IndianAccount(number, ifsc);
            return Optional.empty();
        } catch (InvalidAccount e) {
            return Optional.of(e.problem());
        }
    }
}
