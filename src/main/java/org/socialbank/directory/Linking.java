package org.socialbank.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.jdbc.JdbcDirectory;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.directory.jdbc.JdbcLinking.Token;
import org.socialbank.directory.linking.CustomerAlerts;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.socialbank.shared.Network;
import org.socialbank.shared.Microseconds;

/**
 * Chat accounts and their ties to customers, without a secret ever crossing the chat: the chat
 * gets a one-time link, and on the bank's page ({@link LinkSignIn}) the customer signs in and
 * confirms with a second factor. Unlinking, and what the networks report, are here too.
 */
@Service
public class Linking {

    private final JdbcLinking store;
    private final JdbcDirectory directory;
    private final LinkTokens tokens;
    private final CustomerAlerts alerts;
    private final ApplicationEventPublisher events;
    private final DirectoryProperties properties;
    private final DurableTransactions writes;
    private final Clock clock;

    Linking(JdbcLinking store, JdbcDirectory directory, LinkTokens tokens, CustomerAlerts alerts,
            ApplicationEventPublisher events, DirectoryProperties properties,
            DurableTransactions writes, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.tokens = tokens;
        this.alerts = alerts;
        this.events = events;
        this.properties = properties;
        this.writes = writes;
        this.clock = clock;
    }

    /** The chat account as the network reports it now, created on first sight. */
    public ChannelIdentity identify(Network channel, String externalId, String handle, String phone) {
        return write(() -> {
            Optional<ChannelIdentity> known = store.identity(channel, externalId);
            if (known.isPresent()) {
                ChannelIdentity i = known.get();
                // a message without a handle or phone says nothing about them: keep what the network vouched before
                String reportedHandle = handle != null ? handle : i.handle();
                String reportedPhone = phone != null ? phone : i.phone();
                if (!i.reachable() || !java.util.Objects.equals(reportedHandle, i.handle())
                        || !java.util.Objects.equals(reportedPhone, i.phone())) {
                    store.updateReport(i.id(), reportedHandle, reportedPhone, true);
                }
                return new ChannelIdentity(i.id(), channel, externalId, reportedHandle, reportedPhone, i.customerId(),
                        i.linkedAt(), true, i.createdAt());
            }
            ChannelIdentity created = new ChannelIdentity(new IdentityId(java.util.UUID.randomUUID()), channel,
                    externalId, handle, phone, null, null, true, now());
            store.insertIdentity(created);
            return created;
        });
    }

    public Optional<ChannelIdentity> identity(IdentityId id) {
        return store.identity(id);
    }

    /** The chat account with this id on its network, if the bank has seen it (never created here). */
    public Optional<ChannelIdentity> identity(Network channel, String externalId) {
        return store.identity(channel, externalId);
    }

    /** The customer a chat account is tied to, if any: the gate of every private answer. */
    public Optional<CustomerId> linkedCustomer(IdentityId id) {
        return store.identity(id).flatMap(ChannelIdentity::customer);
    }

    /** A chat account linked to a customer, shown as its owner knows it ("Telegram @ali_t"). */
    public record LinkedChat(IdentityId id, Network channel, String account, Instant linkedAt) {
    }

    /** The chat accounts linked to the customer now, newest link first (at most 100). */
    public java.util.List<LinkedChat> linkedChats(CustomerId customer, java.util.Locale locale) {
        return store.identitiesOf(customer).stream().filter(i -> customer.equals(i.customerId()))
                .sorted(java.util.Comparator.comparing(ChannelIdentity::linkedAt,
                        java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                .limit(100).map(i -> new LinkedChat(i.id(), i.channel(), tokens.accountOf(i, locale), i.linkedAt()))
                .toList();
    }

    /** The customer revokes one of their linked chats; false when it is not linked to them. */
    public boolean revoke(CustomerId customer, IdentityId id) {
        return write(() -> store.lockIdentity(id).filter(i -> customer.equals(i.customerId())).isPresent()
                && unlink(id));
    }

    /** When the customer last linked a chat account on this network, if they have one there (for risk rules). */
    public Optional<Instant> linkedAt(CustomerId customer, Network channel) {
        return store.identitiesOf(customer).stream().filter(i -> i.channel() == channel && i.linkedAt() != null)
                .map(ChannelIdentity::linkedAt).max(java.util.Comparator.naturalOrder());
    }

    /**
     * A one-time link to the bank's sign-in page, bound to this chat account. A web chat's link
     * goes to the web chat's own sign-in page, which works only in that chat's browser.
     */
    public LinkOffer offerLink(IdentityId id) {
        return write(() -> {
            ChannelIdentity identity = store.identity(id)
                    .orElseThrow(() -> new IllegalArgumentException("unknown identity " + id));
            return tokens.issue(LinkTokens.PURPOSE_LINK, id, null, properties.linkTtl(),
                    LinkTokens.linkPath(identity.channel()));
        });
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

    /** The "not you? unlink here" page: shows what would be unlinked, or nothing when invalid. */
    public Optional<ChannelIdentity> openUnlink(String token) {
        return unlinkable(token).flatMap(t -> store.identity(t.identityId()));
    }

    public boolean confirmUnlink(String token) {
        return write(() -> {
            Optional<Token> t = unlinkable(token);
            t.ifPresent(x -> store.updateToken(x.hash(), "done", null, x.customerId()));
            return t.isPresent() && unlink(t.get().identityId());
        });
    }

    /** An unlink link works only while the identity is still linked to the customer it was sent to. */
    private Optional<Token> unlinkable(String token) {
        return tokens.current(token).filter(t -> LinkTokens.PURPOSE_UNLINK.equals(t.purpose()) && "issued".equals(t.state()))
                .filter(t -> store.identity(t.identityId()).flatMap(ChannelIdentity::customer)
                        .filter(c -> c.equals(t.customerId())).isPresent());
    }

    /**
     * Phone proof the network itself vouches for (Telegram or Bale {@code request_contact} with
     * {@code contact.user_id == from.id}; a WhatsApp {@code wa_id}) is one factor only: a number
     * is recycled, a SIM swapped (security review #11). When it is a verified phone on file, this
     * sends a code by SMS to that phone and publishes {@link PhoneLinkStarted} with a link to the
     * page where the code is typed; the chat is linked only then. Empty when it is nobody's
     * verified phone, or no code can be sent now.
     */
    public Optional<CustomerId> offerPhoneLink(IdentityId id, String phone) {
        Alias alias = Alias.phone(phone, null);
        return write(() -> {
            Optional<CustomerId> owner = directory.aliasOwner(alias).filter(c -> directory.aliasesOf(c).stream()
                    .anyMatch(e -> e.alias().equals(alias) && e.verified()));
            ChannelIdentity identity = store.identity(id).orElseThrow();
            return owner.filter(c -> {
                LinkTokens.Issued issued = tokens.issue(LinkTokens.PURPOSE_LINK, id, null, properties.linkTtl(),
                        LinkTokens.linkPath(identity.channel()), "issued");
                Customer customer = directory.findCustomer(c).orElseThrow();
                LinkStep step = tokens.sendLinkCode(issued.token(), c, customer.language().locale(), true);
                if (!(step instanceof LinkStep.EnterCode code)) {
                    return false;
                }
                events.publishEvent(new PhoneLinkStarted(id, identity.channel(), customer.language(),
                        code.maskedPhone(), issued.offer().url()));
                return true;
            });
        });
    }

    /** The network said the bot may not write to this account any more (blocked). */
    public void markUnreachable(IdentityId id) {
        write(() -> {
            store.identity(id).ifPresent(i -> store.updateReport(id, i.handle(), i.phone(), false));
            return null;
        });
    }

    /**
     * The chat account through which the bank can reach whoever holds this handle on its network:
     * the one reachable account that reported the handle. When several did, one of them reported
     * it before a rename and the bank cannot tell which holds it now: none (security review #16).
     */
    public Optional<ChannelIdentity> reachableByHandle(Network channel, String handle) {
        java.util.List<ChannelIdentity> holders = store.identitiesByHandle(channel, handle, 5).stream()
                .filter(ChannelIdentity::reachable).limit(2).toList();
        return holders.size() == 1 ? Optional.of(holders.get(0)) : Optional.empty();
    }

    /** The chat account with this id on its network, if the bank knows it and may write to it. */
    public Optional<ChannelIdentity> reachable(Network channel, String externalId) {
        return store.identity(channel, externalId).filter(ChannelIdentity::reachable);
    }

    /**
     * Ties the chat account to the customer; its other chats are alerted (the listeners of
     * {@link IdentityLinked}) and so are the phone and e-mail on file (security review #3).
     */
    LinkStep.Linked link(IdentityId id, CustomerId customer) {
        ChannelIdentity identity = store.lockIdentity(id).orElseThrow();
        if (identity.linked() && !identity.customerId().equals(customer)) {
            events.publishEvent(new IdentityUnlinked(id, identity.channel(), identity.customerId()));
        }
        store.setCustomer(id, customer, now());
        Customer c = directory.findCustomer(customer).orElseThrow();
        LinkOffer unlink = tokens.issue(LinkTokens.PURPOSE_UNLINK, id, customer, properties.unlinkTtl(), "/unlink/");
        events.publishEvent(new IdentityLinked(id, identity.channel(), customer, c.language(), unlink.url()));
        alerts.chatLinked(customer, tokens.accountOf(identity, c.language().locale()), unlink.url());
        return new LinkStep.Linked(identity.channel(), c.displayName(), null);
    }

    /** "+33612345678" -> "+33 ••••• 78": enough to recognise one's own number. */
    static String mask(String e164) {
        return LinkTokens.mask(e164);
    }

    private <T> T write(java.util.function.Supplier<T> work) {
        return writes.write(status -> work.get());
    }

    private Instant now() {
        return Microseconds.now(clock);
    }

    /**
     * The chat account's network asks us to forget it (a WeChat follower unsubscribed): its link,
     * handle, phone and open link pages go; the account row stays, as the audit of what was done
     * through it must. Publishes {@link IdentityUnlinked} when it was linked.
     */
    public void forget(Network channel, String externalId) {
        write(() -> {
            store.identity(channel, externalId).flatMap(i -> store.lockIdentity(i.id())).ifPresent(i -> {
                store.forget(i.id());
                if (i.linked()) {
                    events.publishEvent(new IdentityUnlinked(i.id(), i.channel(), i.customerId()));
                }
                events.publishEvent(new IdentityForgotten(i.id(), i.channel()));
            });
            return null;
        });
    }
}
