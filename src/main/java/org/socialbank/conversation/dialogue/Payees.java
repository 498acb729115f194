package org.socialbank.conversation.dialogue;

import java.util.Locale;
import java.util.Optional;
import org.socialbank.conversation.language.Payee;
import org.socialbank.conversation.language.PayeeType;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;

/** Who a person named in a message is, for payments, requests and splits alike. */
final class Payees {

    private Payees() {
    }

    /** Whom a payee of the text is: a customer (masked name), or an alias that is no customer's yet. */
    record Target(Alias alias, CustomerId customerId, String name) {
    }

    static Optional<Target> target(Bank bank, CustomerId payer, Payee payee) {
        if (payee.type() == PayeeType.NAME) {
            String name = payee.value().toLowerCase(Locale.ROOT);
            return bank.recentPayees(payer).stream()
                    .filter(r -> r.names().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(name)))
                    .findFirst().map(r -> new Target(r.alias(), r.customerId(), r.maskedName()));
        }
        Optional<Alias> alias = payee.alias();
        if (alias.isEmpty()) {
            return Optional.empty();
        }
        Optional<AliasMatch> match = bank.resolve(alias.get());
        if (match.isPresent()) {
            return Optional.of(new Target(alias.get(), match.get().customerId(), match.get().maskedName()));
        }
        // a $tag is a customer's by definition; anything else may be claimed by its owner
        return alias.get().type() == AliasType.TAG ? Optional.empty()
                : Optional.of(new Target(alias.get(), null, alias.get().display()));
    }

}
