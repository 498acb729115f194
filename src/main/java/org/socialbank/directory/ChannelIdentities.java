package org.socialbank.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Chat accounts as their networks report them (a Telegram user, a WeChat openid...), and the
 * customer each is tied to, if any: the gate of every private answer. Tying and untying are
 * {@link Linking} and {@link Unlinking}.
 */
@Service
public class ChannelIdentities {

    /** The most linked chats listed for one customer. */
    static final int LINKED_CHATS_MAX = 100;

    private final JdbcLinking store;
    private final LinkTokens tokens;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;
    private final HandleAliases handles;

    ChannelIdentities(
            JdbcLinking store,
            LinkTokens tokens,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock,
            HandleAliases handles) {
        this.handles = handles;
        this.store = store;
        this.tokens = tokens;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /**
     * The chat account as the network reports it now, created on first sight, from a message it
     * wrote to the bank privately: the bank may write to it again, if it was marked unreachable.
     */
    public ChannelIdentity identify(Network channel, String externalId, String handle, String phone) {
        return identify(channel, externalId, handle, phone, Report.PRIVATE);
    }

    /**
     * As {@link #identify}, from a message the account wrote in its private chat with the bank,
     * which carries the account's whole profile: on Telegram and Bale, no handle means the account
     * has none now, and the handle aliases it proved are released (reread 2026-12-08 directory #1).
     */
    public ChannelIdentity identifyWriter(Network channel, String externalId, String handle, String phone) {
        return identify(channel, externalId, handle, phone, Report.WHOLE_PROFILE);
    }

    /**
     * As {@link #identify}, from a message written in a group: it says nothing of whether the bank
     * may write to the account privately (a Telegram user who blocked the bot still talks in the
     * group), so an account marked unreachable stays so.
     */
    public ChannelIdentity identifyInGroup(Network channel, String externalId, String handle, String phone) {
        return identify(channel, externalId, handle, phone, Report.GROUP);
    }

    /** Where a report of a chat account comes from, and so what a missing handle says. */
    private enum Report {
        /** A group message: says nothing of the private chat, nor a missing handle. */
        GROUP,
        /** The bank or a private chat: the account may be written to; a missing handle says nothing. */
        PRIVATE,
        /** A private message with the account's whole profile: a missing handle is none. */
        WHOLE_PROFILE
    }

    private ChannelIdentity identify(Network channel, String externalId, String handle, String phone, Report report) {
        boolean writtenPrivately = report != Report.GROUP;
        return write(() -> {
            Optional<ChannelIdentity> known = store.identity(channel, externalId);
            if (known.isPresent()) {
                ChannelIdentity i = known.get();
                // a message without a handle or phone says nothing about them: keep what the network vouched before
                String reportedHandle = handle != null ? handle : i.handle();
                String reportedPhone = phone != null ? phone : i.phone();
                boolean reachable = i.reachable() || writtenPrivately;
                if (handle != null && !handle.equals(i.handle())) {
                    handles.seen(channel, externalId, handle, i.handle()); // a rename, or a handle taken over
                } else if (handle == null && report == Report.WHOLE_PROFILE && i.handle() != null) {
                    handles.dropped(channel, externalId, i.handle()); // the username was removed
                }
                if (reachable != i.reachable()
                        || !Objects.equals(reportedHandle, i.handle())
                        || !Objects.equals(reportedPhone, i.phone())) {
                    store.updateReport(i.id(), reportedHandle, reportedPhone, reachable);
                }
                return new ChannelIdentity(
                        i.id(),
                        channel,
                        externalId,
                        reportedHandle,
                        reportedPhone,
                        i.customerId(),
                        i.linkedAt(),
                        reachable,
                        i.createdAt());
            }
            ChannelIdentity created = new ChannelIdentity(
                    new IdentityId(UUID.randomUUID()), channel, externalId, handle, phone, null, null, true, now());
            store.insertIdentity(created);
            if (handle != null) {
                handles.seen(channel, externalId, handle, null);
            }
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

    /** The most linked chat accounts {@link #linkedAfter} reads at once. */
    public static final int LINKED_PAGE_MAX = 500;

    /**
     * A page of the chat accounts linked on a network, by external id after {@code after} ("" for
     * the first page), at most {@code max} (up to {@link #LINKED_PAGE_MAX}): a channel's janitor
     * walks them to find links its own records no longer vouch for.
     */
    public List<ChannelIdentity> linkedAfter(Network channel, String after, int max) {
        return store.linkedAfter(channel, after, Math.min(max, LINKED_PAGE_MAX));
    }

    /** A chat account linked to a customer, shown as its owner knows it ("Telegram @ali_t"). */
    public record LinkedChat(IdentityId id, Network channel, String account, Instant linkedAt) {}

    /** The chat accounts linked to the customer now, newest link first (at most 100). */
    public List<LinkedChat> linkedChats(CustomerId customer, Locale locale) {
        return store.identitiesOf(customer).stream()
                .filter(i -> customer.equals(i.customerId()))
                .sorted(Comparator.comparing(
                        ChannelIdentity::linkedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(LINKED_CHATS_MAX)
                .map(i -> new LinkedChat(i.id(), i.channel(), tokens.accountOf(i, locale), i.linkedAt()))
                .toList();
    }

    /** When the customer last linked a chat account on this network, if they have one there (for risk rules). */
    public Optional<Instant> linkedAt(CustomerId customer, Network channel) {
        return store.identitiesOf(customer).stream()
                .filter(i -> i.channel() == channel && i.linkedAt() != null)
                .map(ChannelIdentity::linkedAt)
                .max(Comparator.naturalOrder());
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
        List<ChannelIdentity> holders = store.identitiesByHandle(channel, handle, 5).stream()
                .filter(ChannelIdentity::reachable)
                .limit(2)
                .toList();
        return holders.size() == 1 ? Optional.of(holders.get(0)) : Optional.empty();
    }

    /** The chat account with this id on its network, if the bank knows it and may write to it. */
    public Optional<ChannelIdentity> reachable(Network channel, String externalId) {
        return store.identity(channel, externalId).filter(ChannelIdentity::reachable);
    }

    /**
     * The chat account's network asks us to forget it (a WeChat follower unsubscribed): its link,
     * handle, phone and open link pages go; the account row stays, as the audit of what was done
     * through it must. Publishes {@link IdentityUnlinked} when it was linked.
     */
    public void forget(Network channel, String externalId) {
        write(() -> {
            store.identity(channel, externalId)
                    .flatMap(i -> store.lockIdentity(i.id()))
                    .ifPresent(i -> {
                        store.forget(i.id());
                        if (i.linked()) {
                            events.publishEvent(new IdentityUnlinked(i.id(), i.channel(), i.customerId()));
                        }
                        events.publishEvent(new IdentityForgotten(i.id(), i.channel()));
                    });
            return null;
        });
    }

    private <T> T write(Supplier<T> work) {
        return writes.write(status -> work.get());
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
