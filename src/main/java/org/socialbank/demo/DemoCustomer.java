package org.socialbank.demo;

import java.util.List;

/**
 * A customer of the demo bank.
 *
 * @param ownerRef the owner reference of the customer's ledger accounts
 * @param language the customer's preferred language (en, fr, ru, fa, zh)
 * @param wallets the currencies the customer holds, each with its opening balance in minor units
 */
public record DemoCustomer(String ownerRef, String displayName, String language,
        List<Wallet> wallets) {

    public record Wallet(String currency, long openingMinor) {
    }
}
