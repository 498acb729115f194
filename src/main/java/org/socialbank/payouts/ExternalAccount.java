package org.socialbank.payouts;

import java.util.Optional;
import org.socialbank.shared.CurrencyCode;

/**
 * An account at another bank that a payout can be sent to.
 *
 * <p>Both kinds validate in their constructor and throw {@link InvalidAccount} (an {@link
 * IllegalArgumentException} whose message is a stable code) when the text is not an account: a
 * caller's bug. What a person typed is read with {@link Iban#check} and {@link
 * IndianAccount#check} (or {@link #problemWithIban(String)}, {@link #parse(String)} and their
 * Indian twins), which return the problem as a value, to show a localized reason.
 */
public sealed interface ExternalAccount permits Iban, IndianAccount {

    /** The account with most of it hidden, for chats, logs and anyone but its holder. */
    String masked();

    /** The whole account, grouped for reading, for its holder's own page. */
    String display();

    /** An IBAN, or empty when the text is not a valid one. */
    static Optional<ExternalAccount> parse(String iban) {
        return Iban.check(iban).isEmpty() ? Optional.of(Iban.of(iban)) : Optional.empty();
    }

    /** An Indian account, or empty when the number or the IFSC is not valid. */
    static Optional<ExternalAccount> parseIndian(String number, String ifsc) {
        return IndianAccount.check(number, ifsc).isEmpty()
                ? Optional.of(new IndianAccount(number, ifsc))
                : Optional.empty();
    }

    /** Why a text is not a valid IBAN, or empty when it is one. */
    static Optional<AccountProblem> problemWithIban(String iban) {
        return Iban.check(iban);
    }

    /** Why an account number and IFSC are not a valid Indian account, or empty when they are. */
    static Optional<AccountProblem> problemWithIndianAccount(String number, String ifsc) {
        return IndianAccount.check(number, ifsc);
    }

    /**
     * Why this account cannot be paid in this currency, or empty when it can (review 2026-12-07
     * payout follow-up: a claim to an account the rail cannot reach failed only after it was used
     * up). Indian rails (IMPS, NEFT) carry rupees only, and rupees go nowhere else; an Iranian IBAN
     * takes rials only, and rials go nowhere else; loyalty points never leave the bank.
     */
    static Optional<AccountProblem> problemWithCurrency(ExternalAccount account, CurrencyCode currency) {
        boolean rupees = "INR".equals(currency.code());
        boolean rials = "IRR".equals(currency.code());
        boolean reachable;
        if (CurrencyCode.POINTS.equals(currency)) {
            reachable = false;
        } else if (account instanceof Iban iban) {
            reachable = "IR".equals(iban.country()) ? rials : !rupees && !rials;
        } else {
            reachable = rupees; // an Indian account
        }
        return reachable ? Optional.empty() : Optional.of(new AccountProblem(AccountProblem.CURRENCY));
    }
}
