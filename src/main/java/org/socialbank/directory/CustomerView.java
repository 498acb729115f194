package org.socialbank.directory;

import java.util.List;
import org.socialbank.ledger.AccountId;

/** A customer with the aliases and accounts the bank's staff see. */
public record CustomerView(Customer customer, List<AliasEntry> aliases, List<HeldAccount> accounts) {

    public CustomerView {
        aliases = List.copyOf(aliases);
        accounts = List.copyOf(accounts);
    }

    public record AliasEntry(Alias alias, boolean verified) {}

    public record HeldAccount(AccountId accountId, String currency, boolean primary) {}
}
