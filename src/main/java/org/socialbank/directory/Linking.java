package org.socialbank.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.socialbank.directory.challenges.CustomerAlerts;
import org.socialbank.directory.jdbc.JdbcDirectory;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Tying a chat account to a customer, without a secret ever crossing the chat: the chat gets a
 * one-time link, and on the bank's page ({@link LinkSignIn}) the customer signs in and confirms
 * with a second factor. The chat accounts themselves are {@link ChannelIdentities}; untying them
 * is {@link Unlinking}.
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
    private final HandleAliases handles;

    Linking(
            JdbcLinking store,
            JdbcDirectory directory,
            LinkTokens tokens,
            CustomerAlerts alerts,
            ApplicationEventPublisher events,
            DirectoryProperties properties,
            DurableTransactions writes,
            Clock clock,
            HandleAliases handles) {
        this.handles = handles;
        this.store = store;
        this.directory = directory;
        this.tokens = tokens;
        this.alerts = alerts;
        this.events = events;
        this.properties = properties;
        this.writes = writes;
        this.clock = clock;
    }

    /**
     * A one-time link to the bank's sign-in page, bound to this chat account. A web chat's link
     * goes to the web chat's own sign-in page, which works only in that chat's browser.
     *
     * @throws IllegalStateException when the bank has never seen the chat account (a caller's bug:
     *     the account is identified before anything is offered to it)
     */
    public LinkOffer offerLink(IdentityId id) {
        return write(() -> {
            ChannelIdentity identity =
                    store.identity(id).orElseThrow(() -> new IllegalStateException("unknown identity " + id));
            return tokens.issue(
                    LinkTokens.PURPOSE_LINK, id, null, properties.linkTtl(), LinkTokens.linkPath(identity.channel()));
        });
    }

    /**
     * Phone proof the network itself vouches for (Telegram or Bale {@code request_contact} with
     * {@code contact.user_id == from.id}; a WhatsApp {@code wa_id}) is one factor only: a number
     * is recycled, a SIM swapped (security review #11). When it is a verified phone on file, this
     * sends a code by SMS to that phone and publishes {@link PhoneLinkStarted} with a link to the
     * page where the code is typed; the chat is linked only then. Empty when it is not a phone
     * number, nobody's verified phone, or no code can be sent now.
     */
    public Optional<CustomerId> offerPhoneLink(IdentityId id, String phone) {
        Optional<Alias> parsed =
                Alias.tryParse(AliasType.PHONE, null, phone, null).alias();
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Alias alias = parsed.get();
        return write(() -> {
            Optional<CustomerId> owner = directory
                    .aliasOwner(alias)
                    .filter(c -> directory.aliasesOf(c).stream()
                            .anyMatch(e -> e.alias().equals(alias) && e.verified()));
            ChannelIdentity identity = store.identity(id).orElseThrow();
            return owner.filter(c -> {
                LinkTokens.Issued issued = tokens.issueRow(
                        LinkTokens.PURPOSE_LINK,
                        id,
                        null,
                        properties.linkTtl(),
                        LinkTokens.linkPath(identity.channel()));
                Customer customer = directory.findCustomer(c).orElseThrow();
                LinkStep step = tokens.sendLinkCode(
                        issued.token(), c, customer.language().locale(), true);
                if (!(step instanceof LinkStep.EnterCode code)) {
                    return false;
                }
                events.publishEvent(new PhoneLinkStarted(
                        id,
                        identity.channel(),
                        customer.language(),
                        code.maskedPhone(),
                        issued.offer().url()));
                return true;
            });
        });
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
        handles.linked(identity, customer); // a handle recorded without its account: bound or released now
        Customer c = directory.findCustomer(customer).orElseThrow();
        LinkOffer unlink = tokens.issue(LinkTokens.PURPOSE_UNLINK, id, customer, properties.unlinkTtl(), "/unlink/");
        events.publishEvent(new IdentityLinked(id, identity.channel(), customer, c.language(), unlink.url()));
        alerts.chatLinked(customer, tokens.accountOf(identity, c.language().locale()), unlink.url());
        return new LinkStep.Linked(identity.channel(), c.displayName(), null);
    }

    private <T> T write(Supplier<T> work) {
        return writes.write(status -> work.get());
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
