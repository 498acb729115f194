package org.socialbank.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an account is for; the wire name is the lower-case constant name. */
public enum AccountKind {
    CUSTOMER_WALLET,
    CUSTOMER_CURRENT,
    CREDIT_CARD,
    ESCROW,
    FEES,
    INTERBANK_SETTLEMENT,
    BANK_EQUITY,
    /** A customer's loyalty points, in the unit QPT (ADR 0011). */
    POINTS,
    /** A customer's loan (issue 16 s4): debit-normal, the principal still owed. */
    LOAN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccountKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}
