package org.socialbank.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.challenges.Authenticators;
import org.socialbank.directory.challenges.CodeChallenges;
import org.socialbank.directory.jdbc.JdbcDirectory;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.directory.jdbc.JdbcLinking.Token;
import org.socialbank.directory.jdbc.TokenState;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.Language;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.Network;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What linking and its pages share: one-time tokens (issued, read under lock), how the chat
 * account is shown to the person at the page, and sending the code that proves it is them.
 * Call inside the caller's transaction.
 */
@Component
class LinkTokens {

    static final String PURPOSE_LINK = "link";
    static final String PURPOSE_UNLINK = "unlink";

    private final JdbcLinking store;
    private final JdbcDirectory directory;
    private final Directory customers;
    private final CodeChallenges challenges;
    private final Authenticators authenticators;
    private final OneTimeCodes codes;
    private final MessageSource messages;
    private final DirectoryProperties properties;
    private final Clock clock;

    LinkTokens(
            JdbcLinking store,
            JdbcDirectory directory,
            Directory customers,
            CodeChallenges challenges,
            Authenticators authenticators,
            OneTimeCodes codes,
            MessageSource messages,
            DirectoryProperties properties,
            Clock clock) {
        this.store = store;
        this.directory = directory;
        this.customers = customers;
        this.challenges = challenges;
        this.authenticators = authenticators;
        this.codes = codes;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** The token, locked, while it has not expired. */
    Optional<Token> current(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return store.lockToken(codes.hashToken(token)).filter(t -> t.expiresAt().isAfter(clock.instant()));
    }

    /** A new token; its page is at {@code pathPrefix + token}. */
    LinkOffer issue(String purpose, IdentityId id, CustomerId customer, Duration ttl, String pathPrefix) {
        return issueRow(purpose, id, customer, ttl, pathPrefix).offer();
    }

    record Issued(Token token, LinkOffer offer) {}

    /** A new token and its row, for a caller that goes on with it in the same transaction. */
    Issued issueRow(String purpose, IdentityId id, CustomerId customer, Duration ttl, String pathPrefix) {
        String token = codes.randomToken();
        Instant expires = now().plus(ttl);
        Token row = new Token(codes.hashToken(token), purpose, id, null, customer, TokenState.ISSUED, expires, now());
        store.insertToken(row);
        return new Issued(row, new LinkOffer(properties.url(pathPrefix + token), expires));
    }

    /** Whether the token is a link of this purpose, in one of these states. */
    static boolean is(Token t, String purpose, TokenState... states) {
        return purpose.equals(t.purpose()) && Arrays.asList(states).contains(t.state());
    }

    /** Whether {@code browserSecret} is the cookie of the browser this link was bound to. */
    boolean boundTo(Token t, String browserSecret) {
        return browserSecret != null
                && store.browser(t.hash())
                        .filter(h -> sameHash(h, codes.hashToken(browserSecret)))
                        .isPresent();
    }

    private static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** The path of a link token's page: the web chat signs in on its own page, in the chat's browser. */
    static String linkPath(Network channel) {
        return channel == Network.WEBCHAT ? "/chat/link/" : "/link/";
    }

    /**
     * The chat account a link would tie, as its owner knows it (security review #3): the network's
     * name and the handle ("Telegram @ali_t"), else the network's id; the web chat is "the web
     * chat in this browser", never its internal id.
     */
    String accountOf(ChannelIdentity i, Locale locale) {
        if (i.channel() == Network.WEBCHAT) {
            return messages.getMessage("link.account.webchat", null, locale);
        }
        String name = messages.getMessage("channel." + i.channel().wireName(), null, locale);
        if (i.handle() != null && !i.handle().isBlank()) {
            return name + " "
                    + (i.handle().startsWith("@") || i.channel() == Network.WECHAT ? i.handle() : "@" + i.handle());
        }
        return name + " " + i.externalId();
    }

    String accountOf(Token t, Locale locale) {
        return store.identity(t.identityId()).map(i -> accountOf(i, locale)).orElse("");
    }

    Network channelOf(Token t) {
        return store.identity(t.identityId()).map(ChannelIdentity::channel).orElse(Network.WEBCHAT);
    }

    boolean usesAuthenticator(Token t) {
        return t.challengeId() != null
                && challenges.method(t.challengeId()).filter("totp"::equals).isPresent();
    }

    int attemptsLeft(Token t) {
        return store.challenge(t.challengeId())
                .map(c -> properties.codeAttemptsMax() - c.attempts())
                .orElse(0);
    }

    String maskedPhone(CustomerId customer) {
        return customer == null
                ? ""
                : customers.phoneOnFile(customer).map(a -> mask(a.value())).orElse("");
    }

    /**
     * The second proof after the password: the authenticator app if the customer has one (unless
     * {@code smsOnly}), else a code by SMS to the verified phone on file. Nothing while the
     * customer's second factor is locked out (security review #6).
     */
    LinkStep sendLinkCode(Token t, CustomerId customer, Locale pageLocale, boolean smsOnly) {
        Optional<Instant> locked = challenges.lockedUntil(customer);
        if (locked.isPresent()) {
            return new LinkStep.Locked(locked.get());
        }
        if (!smsOnly && authenticators.active(customer)) {
            UUID challenge = challenges.expectTotp(
                    customer,
                    PURPOSE_LINK,
                    linkContext(t, customer),
                    t.identityId().toString(),
                    t.expiresAt());
            store.updateToken(t.hash(), TokenState.SIGNED_IN, challenge, customer);
            return new LinkStep.EnterCode(
                    channelOf(t),
                    accountOf(t, pageLocale),
                    maskedPhone(customer),
                    false,
                    properties.codeAttemptsMax(),
                    true);
        }
        return sendSmsCode(t, customer, pageLocale);
    }

    private LinkStep sendSmsCode(Token t, CustomerId customer, Locale pageLocale) {
        Optional<Alias> phone = customers.phoneOnFile(customer);
        if (phone.isEmpty()) {
            return new LinkStep.NoPhone();
        }
        Language language = directory.findCustomer(customer).orElseThrow().language();
        String account = accountOf(t, language.locale());
        UUID challenge = challenges.sendSms(new CodeChallenges.SmsRequest(
                customer,
                PURPOSE_LINK,
                linkContext(t, customer),
                t.identityId().toString(),
                null,
                phone.get().value(),
                code -> messages.getMessage("sms.link.code.account", new Object[] {code, account}, language.locale()),
                t.expiresAt()));
        store.updateToken(t.hash(), TokenState.SIGNED_IN, challenge, customer);
        return new LinkStep.EnterCode(
                channelOf(t),
                accountOf(t, pageLocale),
                mask(phone.get().value()),
                false,
                properties.codeAttemptsMax(),
                false);
    }

    private static String linkContext(Token t, CustomerId customer) {
        return "link|" + t.identityId() + "|" + customer;
    }

    /** "+33612345678" -> "+33 ••••• 78": enough to recognise one's own number. */
    static String mask(String e164) {
        int keep = 2;
        int country = Math.min(3, e164.length() - keep);
        return e164.substring(0, country) + " " + "•".repeat(Math.max(3, e164.length() - country - keep)) + " "
                + e164.substring(e164.length() - keep);
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
