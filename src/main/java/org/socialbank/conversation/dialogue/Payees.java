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

    private Payees() {}

    /** Whom a payee of the text is: a customer (masked name), or an alias that is no customer's yet. */
    record Target(Alias alias, CustomerId customerId, String name) {}

    /** What looking a payee up gave: a target, nobody, or a refusal because the asker's lookups are spent. */
    sealed interface Lookup permits Found, Unknown, Spent {

        default Optional<Target> found() {
            return this instanceof Found found ? Optional.of(found.target()) : Optional.empty();
        }
    }

    record Found(Target target) implements Lookup {}

    record Unknown() implements Lookup {}

    /** The asker resolved too many aliases this hour (security review #12); nothing was resolved. */
    record Spent() implements Lookup {}

    /** The message key of the refusal when the asker's lookups are spent. */
    static final String SPENT_KEY = "conversation.lookups.spent";

    static Lookup lookup(Bank bank, CustomerId payer, Payee payee) {
        if (payee.type() == PayeeType.NAME) {
            String name = payee.value().toLowerCase(Locale.ROOT);
            return bank.recentPayees(payer).stream()
                    .filter(r -> r.names().stream()
                            .anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(name)))
                    .findFirst()
                    .<Lookup>map(r -> new Found(new Target(r.alias(), r.customerId(), r.maskedName())))
                    .orElse(new Unknown());
        }
        Optional<Alias> alias = payee.alias();
        if (alias.isEmpty()) {
            return new Unknown();
        }
        if (!bank.takeLookup(payer)) {
            return new Spent();
        }
        Optional<AliasMatch> match = bank.resolve(alias.get());
        if (match.isPresent()) {
            return new Found(new Target(
                    alias.get(), match.get().customerId(), match.get().maskedName()));
        }
        // a $tag is a customer's by definition; anything else may be claimed by its owner
        return alias.get().type() == AliasType.TAG
                ? new Unknown()
                : new Found(new Target(alias.get(), null, alias.get().display()));
    }
}
