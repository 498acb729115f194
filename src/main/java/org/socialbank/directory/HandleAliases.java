package org.socialbank.directory;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.socialbank.directory.jdbc.JdbcDirectory;
import org.socialbank.directory.jdbc.JdbcDirectory.Held;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.Network;
import org.springframework.stereotype.Component;

/**
 * Handle aliases on networks whose handles change hands (review 2026-12-07 alias follow-up): a
 * Telegram, Bale or X handle is bound to the account that proved it, by the network's fixed id,
 * and released as soon as the bank sees that account under another handle, under none, or another
 * account under this one. Released, a handle resolves to nobody: a payment to it waits for a claim, which
 * only whoever holds the handle then can prove. Runs in the caller's transaction.
 */
@Component
class HandleAliases {

    /** Networks whose handle is not the account id, so that a handle can pass to someone else. */
    static final Set<Network> CHANGE_HANDS = Set.of(Network.X, Network.TELEGRAM, Network.BALE);

    /** Why the bank released a handle alias, as its audit says. */
    static final String RENAMED = "handle_renamed";

    static final String TAKEN = "handle_taken";
    static final String GONE = "handle_gone";
    static final String DROPPED = "handle_dropped";

    /**
     * Networks where an account may have no handle, whose every message carries the one it has:
     * a private message without one says it has none now. (An X account always has one; an X
     * event without it only lacks the data.)
     */
    static final Set<Network> HANDLE_OPTIONAL = Set.of(Network.TELEGRAM, Network.BALE);

    private final JdbcDirectory store;
    private final JdbcLinking identities;
    private final Clock clock;

    HandleAliases(JdbcDirectory store, JdbcLinking identities, Clock clock) {
        this.store = store;
        this.identities = identities;
        this.clock = clock;
    }

    /**
     * A message from a chat account reported a handle that is new for it ({@code before} is what
     * it reported last, null on first sight): its aliases under other handles go, and so does this
     * handle's alias when another account proved it.
     */
    void seen(Network channel, String externalId, String handle, String before) {
        if (!CHANGE_HANDS.contains(channel)) {
            return;
        }
        Optional<Alias> now = handle(channel, handle);
        left(channel, externalId, now, before, RENAMED);
        now.ifPresent(alias -> heldNowBy(alias, externalId));
    }

    /**
     * A private message from a chat account carried no handle, on a network where that means the
     * account has none now (reread 2026-12-08 directory #1): whatever handle it proved may be
     * someone else's already, so its aliases go.
     */
    void dropped(Network channel, String externalId, String before) {
        if (HANDLE_OPTIONAL.contains(channel)) {
            left(channel, externalId, Optional.empty(), before, DROPPED);
        }
    }

    private void left(Network channel, String externalId, Optional<Alias> now, String before, String reason) {
        for (Held held : store.heldBy(channel, externalId)) {
            if (now.isEmpty() || !held.alias().equals(now.get())) {
                release(held, DirectoryActor.SYSTEM, reason);
            }
        }
        // an alias recorded without its holder (before V128, or by staff) of the handle this account left
        handle(channel, before)
                .filter(old -> !old.equals(now.orElse(null)))
                .flatMap(store::held)
                .filter(held -> held.externalId() == null)
                .ifPresent(held -> release(held, DirectoryActor.SYSTEM, reason));
    }

    /**
     * The network says this account holds the handle now: an alias of it proved by another account
     * is released. One recorded without its holder waits until this account is linked (reread
     * 2026-12-08 directory #2): to the alias's customer, it is bound to the account; to another
     * customer, released; unlinked (its owner before linking, or anyone), it stays as it is.
     */
    void heldNowBy(Alias alias, String externalId) {
        store.held(alias).ifPresent(held -> {
            if (externalId.equals(held.externalId())) {
                return;
            }
            if (held.externalId() != null) {
                release(held, DirectoryActor.SYSTEM, TAKEN);
                return;
            }
            identities
                    .identity(alias.network(), externalId)
                    .flatMap(ChannelIdentity::customer)
                    .ifPresent(customer -> holderLinked(held, externalId, customer));
        });
    }

    /**
     * The chat account was linked to a customer just now: the alias of the handle it reported, if
     * recorded without its holder, is bound to it (the customer's own) or released (another's).
     */
    void linked(ChannelIdentity account, CustomerId customer) {
        if (!CHANGE_HANDS.contains(account.channel())) {
            return;
        }
        handle(account.channel(), account.handle())
                .flatMap(store::held)
                .filter(held -> held.externalId() == null)
                .ifPresent(held -> holderLinked(held, account.externalId(), customer));
    }

    private void holderLinked(Held held, String externalId, CustomerId customer) {
        if (customer.equals(held.customerId())) {
            store.bindHolder(held.alias(), held.customerId(), externalId);
        } else {
            release(held, DirectoryActor.SYSTEM, TAKEN);
        }
    }

    /** The network says nobody holds the handle now. */
    void heldByNobody(Alias alias) {
        store.held(alias).ifPresent(held -> release(held, DirectoryActor.SYSTEM, GONE));
    }

    void release(Held held, DirectoryActor who, String reason) {
        store.deleteAlias(held.alias());
        store.audit(Microseconds.now(clock), "released", held, who.client(), who.clientName(), reason);
    }

    private static Optional<Alias> handle(Network channel, String reported) {
        return reported == null
                ? Optional.empty()
                : Alias.tryParse(AliasType.HANDLE, channel, reported, null).alias();
    }
}
