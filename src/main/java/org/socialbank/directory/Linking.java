package org.socialbank.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.directory.jdbc.JdbcDirectory;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.directory.jdbc.JdbcLinking.Token;
import org.socialbank.directory.linking.Authenticators;
import org.socialbank.directory.linking.CodeChallenges;
import org.socialbank.directory.linking.CodeCheck;
import org.socialbank.directory.linking.SignInThrottle;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ties chat accounts to customers without a secret ever crossing the chat: the chat gets a
 * one-time link; on the bank's page the customer signs in and confirms with a code sent by SMS to
 * the phone on file. Every step runs in one transaction that locks the link.
 */
@Service
public class Linking {

    private static final String PURPOSE_LINK = "link";
    private static final String PURPOSE_UNLINK = "unlink";

    private final JdbcLinking store;
    private final JdbcDirectory directory;
    private final Directory customers;
    private final CodeChallenges challenges;
    private final Authenticators authenticators;
    private final SignInThrottle throttle;
    private final OneTimeCodes codes;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final DirectoryProperties properties;
    private final DurableTransactions writes;
    private final Clock clock;
    private final String unknownUserHash;

    Linking(JdbcLinking store, JdbcDirectory directory, Directory customers, CodeChallenges challenges,
            Authenticators authenticators, SignInThrottle throttle, OneTimeCodes codes, PasswordEncoder passwords,
            TransactionTemplate transactions,
            ApplicationEventPublisher events, MessageSource messages, DirectoryProperties properties,
            DurableTransactions writes, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.customers = customers;
        this.challenges = challenges;
        this.authenticators = authenticators;
        this.throttle = throttle;
        this.codes = codes;
        this.passwords = passwords;
        this.transactions = transactions;
        this.events = events;
        this.messages = messages;
        this.properties = properties;
        this.writes = writes;
        this.clock = clock;
        this.unknownUserHash = passwords.encode("no such user: this hash only evens out timing");
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

    /** The customer a chat account is tied to, if any: the gate of every private answer. */
    public Optional<CustomerId> linkedCustomer(IdentityId id) {
        return store.identity(id).flatMap(ChannelIdentity::customer);
    }

    /** When the customer last linked a chat account on this network, if they have one there (for risk rules). */
    public Optional<Instant> linkedAt(CustomerId customer, Network channel) {
        return store.identitiesOf(customer).stream().filter(i -> i.channel() == channel && i.linkedAt() != null)
                .map(ChannelIdentity::linkedAt).max(java.util.Comparator.naturalOrder());
    }

    /** A one-time link to the bank's sign-in page, bound to this chat account. */
    public LinkOffer offerLink(IdentityId id) {
        return write(() -> {
            store.identity(id).orElseThrow(() -> new IllegalArgumentException("unknown identity " + id));
            return issue(PURPOSE_LINK, id, null, properties.linkTtl());
        });
    }

    /** What the page of a one-time link shows now. */
    public LinkStep open(String token) {
        return inTransaction(() -> current(token).map(this::step).orElse(new LinkStep.Invalid()));
    }

    public LinkStep signIn(String token, String username, String password, String address) {
        return write(() -> {
            Optional<Token> found = current(token).filter(t -> "issued".equals(t.state()));
            if (found.isEmpty()) {
                return open(token);
            }
            Network channel = channelOf(found.get());
            throttle.hold(username, address);
            Optional<Instant> locked = throttle.lockedUntil(username, address);
            if (locked.isPresent()) {
                return new LinkStep.SignIn(channel, accountOf(found.get()), false, locked.get());
            }
            Optional<CustomerId> customer = checkPassword(username, password);
            if (customer.isEmpty()) {
                throttle.failed(username, address);
                return new LinkStep.SignIn(channel, accountOf(found.get()), true,
                        throttle.lockedUntil(username, address).orElse(null));
            }
            throttle.succeeded(username);
            return sendLinkCode(found.get(), customer.get());
        });
    }

    public LinkStep enterCode(String token, String code) {
        return write(() -> {
            Optional<Token> found = current(token).filter(t -> "signed_in".equals(t.state()));
            if (found.isEmpty()) {
                return open(token);
            }
            Token t = found.get();
            CodeCheck check = challenges.check(t.challengeId(), code);
            if (check instanceof CodeCheck.Wrong wrong) {
                return new LinkStep.EnterCode(channelOf(t), accountOf(t), maskedPhone(t.customerId()), true,
                        wrong.attemptsLeft(),
                        usesAuthenticator(t));
            }
            if (!(check instanceof CodeCheck.Confirmed)) {
                store.updateToken(t.hash(), "burned", t.challengeId(), t.customerId());
                return new LinkStep.Cancelled();
            }
            store.updateToken(t.hash(), "done", t.challengeId(), t.customerId());
            LinkStep.Linked linked = link(t.identityId(), t.customerId());
            if (authenticators.active(t.customerId())) {
                return linked;
            }
            String browser = codes.randomToken();
            store.setBrowser(t.hash(), codes.hashToken(browser));
            return new LinkStep.Linked(linked.channel(), linked.maskedName(), browser);
        });
    }

    /** On the code page of a customer with an authenticator app: send an SMS code instead. */
    public LinkStep useSms(String token) {
        return write(() -> {
            Optional<Token> found = current(token).filter(t -> "signed_in".equals(t.state()) && usesAuthenticator(t));
            if (found.isEmpty()) {
                return open(token);
            }
            challenges.cancel(found.get().challengeId());
            return sendSmsCode(found.get(), found.get().customerId());
        });
    }

    /** Right after linking, from the browser that did it: start setting up an authenticator app. */
    public LinkStep beginEnrolment(String token, String browserSecret) {
        return write(() -> enrollable(token, browserSecret).<LinkStep>map(t -> {
            Customer c = directory.findCustomer(t.customerId()).orElseThrow();
            Authenticators.Enrolment e = authenticators.begin(t.customerId(),
                    c.username() != null ? c.username() : MaskedName.of(c.displayName()));
            return new LinkStep.Enrol(e.qrSvg(), e.secretBase32(), false);
        }).orElse(new LinkStep.Invalid()));
    }

    /** Activates the authenticator app with its first code. */
    public LinkStep confirmEnrolment(String token, String browserSecret, String code) {
        return write(() -> enrollable(token, browserSecret).<LinkStep>map(t -> {
            if (authenticators.confirm(t.customerId(), Digits.toAscii(code).replaceAll("\\s", ""))) {
                store.setBrowser(t.hash(), null);
                return new LinkStep.Enrolled();
            }
            Customer c = directory.findCustomer(t.customerId()).orElseThrow();
            Authenticators.Enrolment e = authenticators.begin(t.customerId(),
                    c.username() != null ? c.username() : MaskedName.of(c.displayName()));
            return new LinkStep.Enrol(e.qrSvg(), e.secretBase32(), true);
        }).orElse(new LinkStep.Invalid()));
    }

    private Optional<Token> enrollable(String token, String browserSecret) {
        return current(token).filter(t -> PURPOSE_LINK.equals(t.purpose()) && "done".equals(t.state()))
                .filter(t -> browserSecret != null && store.browser(t.hash())
                        .filter(h -> sameHash(h, codes.hashToken(browserSecret))).isPresent())
                .filter(t -> !authenticators.active(t.customerId()));
    }

    private static boolean sameHash(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private boolean usesAuthenticator(Token t) {
        return t.challengeId() != null && challenges.method(t.challengeId()).filter("totp"::equals).isPresent();
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
        return current(token).filter(t -> PURPOSE_UNLINK.equals(t.purpose()) && "issued".equals(t.state()))
                .filter(t -> store.identity(t.identityId()).flatMap(ChannelIdentity::customer)
                        .filter(c -> c.equals(t.customerId())).isPresent());
    }

    /**
     * Phone proof the network itself vouches for (Telegram or Bale {@code request_contact} with
     * {@code contact.user_id == from.id}; a WhatsApp {@code wa_id}): links the chat account to the
     * customer whose verified phone it is. The adapter must have checked the network's proof.
     */
    public Optional<CustomerId> linkByNetworkPhone(IdentityId id, String phone) {
        Alias alias = Alias.phone(phone, null);
        return write(() -> {
            Optional<CustomerId> owner = directory.aliasOwner(alias).filter(c -> directory.aliasesOf(c).stream()
                    .anyMatch(e -> e.alias().equals(alias) && e.verified()));
            owner.ifPresent(c -> link(id, c));
            return owner;
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

    private LinkStep sendLinkCode(Token t, CustomerId customer) {
        if (authenticators.active(customer)) {
            java.util.UUID challenge = challenges.expectTotp(customer, PURPOSE_LINK, linkContext(t, customer),
                    t.identityId().toString(), t.expiresAt());
            store.updateToken(t.hash(), "signed_in", challenge, customer);
            return new LinkStep.EnterCode(channelOf(t), accountOf(t), maskedPhone(customer), false,
                    properties.codeAttemptsMax(), true);
        }
        return sendSmsCode(t, customer);
    }

    private String linkContext(Token t, CustomerId customer) {
        return "link|" + t.identityId() + "|" + customer;
    }

    private LinkStep sendSmsCode(Token t, CustomerId customer) {
        Optional<Alias> phone = customers.phoneOnFile(customer);
        if (phone.isEmpty()) {
            return new LinkStep.NoPhone();
        }
        Language language = directory.findCustomer(customer).orElseThrow().language();
        Network channel = channelOf(t);
        java.util.UUID challenge = challenges.sendSms(new CodeChallenges.SmsRequest(customer, PURPOSE_LINK,
                linkContext(t, customer),
                t.identityId().toString(), null, phone.get().value(),
                code -> messages.getMessage("sms.link.code", new Object[] {code, channelName(channel, language),
                        accountOf(t)}, language.locale()),
                t.expiresAt()));
        store.updateToken(t.hash(), "signed_in", challenge, customer);
        return new LinkStep.EnterCode(channel, accountOf(t), mask(phone.get().value()), false,
                properties.codeAttemptsMax(), false);
    }

    private LinkStep.Linked link(IdentityId id, CustomerId customer) {
        ChannelIdentity identity = store.lockIdentity(id).orElseThrow();
        if (identity.linked() && !identity.customerId().equals(customer)) {
            events.publishEvent(new IdentityUnlinked(id, identity.channel(), identity.customerId()));
        }
        store.setCustomer(id, customer, now());
        Customer c = directory.findCustomer(customer).orElseThrow();
        LinkOffer unlink = issue(PURPOSE_UNLINK, id, customer, properties.unlinkTtl());
        events.publishEvent(new IdentityLinked(id, identity.channel(), customer, c.language(), unlink.url()));
        return new LinkStep.Linked(identity.channel(), MaskedName.of(c.displayName()), null);
    }

    private Optional<CustomerId> checkPassword(String username, String password) {
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        // only a well-formed user name reaches the database; anything else is an unknown user
        Optional<String> hash = user.matches("[a-z0-9][a-z0-9._-]{2,63}") ? directory.passwordHash(user)
                : Optional.empty();
        boolean matches = passwords.matches(password == null ? "" : password, hash.orElse(unknownUserHash));
        return hash.isPresent() && matches ? directory.findByUsername(user) : Optional.empty();
    }

    private LinkStep step(Token t) {
        if (!PURPOSE_LINK.equals(t.purpose())) {
            return new LinkStep.Invalid();
        }
        return switch (t.state()) {
            case "issued" -> new LinkStep.SignIn(channelOf(t), accountOf(t), false, null);
            case "signed_in" -> new LinkStep.EnterCode(channelOf(t), accountOf(t), maskedPhone(t.customerId()), false,
                    attemptsLeft(t), usesAuthenticator(t));
            default -> new LinkStep.Invalid();
        };
    }

    private int attemptsLeft(Token t) {
        return store.challenge(t.challengeId()).map(c -> properties.codeAttemptsMax() - c.attempts()).orElse(0);
    }

    private Optional<Token> current(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return store.lockToken(codes.hashToken(token)).filter(t -> t.expiresAt().isAfter(clock.instant()));
    }

    private LinkOffer issue(String purpose, IdentityId id, CustomerId customer, java.time.Duration ttl) {
        String token = codes.randomToken();
        Instant expires = now().plus(ttl);
        store.insertToken(new Token(codes.hashToken(token), purpose, id, null, customer, "issued", expires, now()));
        return new LinkOffer(properties.url("/" + purpose + "/" + token), expires);
    }

    /** The chat account a link would tie, as its owner knows it: the handle, else the network's id. */
    private String accountOf(Token t) {
        return store.identity(t.identityId()).map(i -> i.handle() != null && !i.handle().isBlank()
                ? (i.handle().startsWith("@") || i.channel() == Network.WECHAT ? i.handle() : "@" + i.handle())
                : i.externalId()).orElse("");
    }

    private Network channelOf(Token t) {
        return store.identity(t.identityId()).map(ChannelIdentity::channel).orElse(Network.WEBCHAT);
    }

    private String maskedPhone(CustomerId customer) {
        return customer == null ? "" : customers.phoneOnFile(customer).map(a -> mask(a.value())).orElse("");
    }

    private String channelName(Network channel, Language language) {
        return messages.getMessage("channel." + channel.wireName(), null, language.locale());
    }

    /** "+33612345678" -> "+33 ••••• 78": enough to recognise one's own number. */
    static String mask(String e164) {
        int keep = 2;
        int country = Math.min(3, e164.length() - keep);
        return e164.substring(0, country) + " " + "•".repeat(Math.max(3, e164.length() - country - keep)) + " "
                + e164.substring(e164.length() - keep);
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private <T> T write(java.util.function.Supplier<T> work) {
        return writes.write(status -> work.get());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
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
