package org.socialbank.directory;

import java.util.Optional;
import java.util.function.Supplier;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.directory.jdbc.JdbcLinking.Token;
import org.socialbank.directory.jdbc.TokenState;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Untying a chat account from its customer: from the chat itself, by the customer on their
 * linked-chats page, or through the "not you? unlink here" link sent when it was linked.
 */
@Service
public class Unlinking {

    private final JdbcLinking store;
    private final LinkTokens tokens;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;

    Unlinking(JdbcLinking store, LinkTokens tokens, ApplicationEventPublisher events, DurableTransactions writes) {
        this.store = store;
        this.tokens = tokens;
        this.events = events;
        this.writes = writes;
    }

    /** Unties a chat account (from the chat itself, the staff, or an unlink link). */
    public boolean unlink(IdentityId id) {
        return write(() -> {
            Optional<ChannelIdentity> identity = store.lockIdentity(id).filter(ChannelIdentity::linked);
            identity.ifPresent(i -> {
                store.setCustomer(id, null, null);
                events.publishEvent(new IdentityUnlinked(id, i.channel(), i.customerId()));
            });
            return identity.isPresent();
        });
    }

    /** The customer revokes one of their linked chats; false when it is not linked to them. */
    public boolean revoke(CustomerId customer, IdentityId id) {
        return write(() -> store.lockIdentity(id)
                        .filter(i -> customer.equals(i.customerId()))
                        .isPresent()
                && unlink(id));
    }

    /** The "not you? unlink here" page: shows what would be unlinked, or nothing when invalid. */
    public Optional<ChannelIdentity> openUnlink(String token) {
        return unlinkable(token).flatMap(t -> store.identity(t.identityId()));
    }

    public boolean confirmUnlink(String token) {
        return write(() -> {
            Optional<Token> t = unlinkable(token);
            t.ifPresent(x -> store.updateToken(x.hash(), TokenState.DONE, null, x.customerId()));
            return t.isPresent() && unlink(t.get().identityId());
        });
    }

    /** An unlink link works only while the identity is still linked to the customer it was sent to. */
    private Optional<Token> unlinkable(String token) {
        return tokens.current(token)
                .filter(t -> LinkTokens.is(t, LinkTokens.PURPOSE_UNLINK, TokenState.ISSUED))
                .filter(t -> store.identity(t.identityId())
                        .flatMap(ChannelIdentity::customer)
                        .filter(c -> c.equals(t.customerId()))
                        .isPresent());
    }

    private <T> T write(Supplier<T> work) {
        return writes.write(status -> work.get());
    }
}
