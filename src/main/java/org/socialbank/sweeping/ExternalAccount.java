package org.socialbank.sweeping;

import java.util.Objects;
import org.socialbank.shared.CurrencyCode;

/** An account of the customer at another bank, as the open-banking provider lists it. */
public record ExternalAccount(String bank, String accountRef, String name, CurrencyCode currency) {

    public ExternalAccount {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(accountRef, "accountRef");
        Objects.requireNonNull(currency, "currency");
    }
}
