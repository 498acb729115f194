package org.socialbank.directory;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.socialbank.directory.challenges.Authenticators;
import org.socialbank.directory.challenges.CodeChallenges;
import org.socialbank.directory.challenges.CodeCheck;
import org.socialbank.directory.challenges.SignInThrottle;
import org.socialbank.directory.jdbc.JdbcDirectory;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.directory.jdbc.JdbcLinking.Token;
import org.socialbank.directory.jdbc.TokenState;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The bank's page of a one-time link: sign in, type the code, linked (then, from the same
 * browser, {@link AuthenticatorEnrolment}). Every step runs in one transaction that locks the link.
 *
 * <p>A link works only in one browser (security review #3). A web-chat link belongs to the
 * browser holding that web chat's session, so a link someone sends you cannot tie their chat to
 * your account. Any other link belongs to the browser that opened it first (a cookie it got then).
 */
@Service
public class LinkSignIn {

    /**
     * Who is at the page.
     *
     * @param bindingSecret the cookie this browser got when it first opened the link, if any
     * @param webChatVisitor the web-chat visitor whose session cookie this browser holds, as the
     *     web chat verified it; null elsewhere
     * @param newWebChatVisitor the visitor id of the fresh session the web chat gives this browser
     *     if this request links it: the chat account moves to it, so the old cookie no longer
     *     names it (security review #10); null elsewhere
     */
    public record Browser(String bindingSecret, String webChatVisitor, String newWebChatVisitor) {

        public static Browser of(String bindingSecret) {
            return new Browser(bindingSecret, null, null);
        }

        public static Browser webChat(String visitor, String newVisitor) {
            return new Browser(null, visitor, newVisitor);
        }
    }

    private final JdbcLinking store;
    private final JdbcDirectory directory;
    private final LinkTokens tokens;
    private final Linking linking;
    private final CodeChallenges challenges;
    private final Authenticators authenticators;
    private final SignInThrottle throttle;
    private final OneTimeCodes codes;
    private final PasswordEncoder passwords;
    private final DurableTransactions writes;
    private final String unknownUserHash;

    LinkSignIn(
            JdbcLinking store,
            JdbcDirectory directory,
            LinkTokens tokens,
            Linking linking,
            CodeChallenges challenges,
            Authenticators authenticators,
            SignInThrottle throttle,
            OneTimeCodes codes,
            PasswordEncoder passwords,
            DurableTransactions writes) {
        this.store = store;
        this.directory = directory;
        this.tokens = tokens;
        this.linking = linking;
        this.challenges = challenges;
        this.authenticators = authenticators;
        this.throttle = throttle;
        this.codes = codes;
        this.passwords = passwords;
        this.writes = writes;
        this.unknownUserHash = passwords.encode("no such user: this hash only evens out timing");
    }

    /**
     * What the page shows, and the secret to give this browser as a cookie when it is the first
     * to open the link (null otherwise): only that browser may then use the link.
     */
    public record Opened(LinkStep step, String bindSecret) {}

    /** Opens the page; the first browser to open a (non web-chat) link gets it bound to itself. */
    public Opened openAndBind(String token, Browser browser, Locale locale) {
        return write(() -> tokens.current(token)
                .filter(LinkSignIn::pageOpen)
                .map(t -> {
                    String bound = null;
                    if (tokens.channelOf(t) != Network.WEBCHAT
                            && store.browser(t.hash()).isEmpty()) {
                        bound = codes.randomToken();
                        store.setBrowser(t.hash(), codes.hashToken(bound));
                    }
                    Optional<LinkStep> refused = refusal(t, bound == null ? browser : Browser.of(bound));
                    return refused.map(r -> new Opened(r, null)).orElse(new Opened(step(t, locale), bound));
                })
                .orElse(new Opened(new LinkStep.Invalid(), null)));
    }

    /** What the page shows now (binds nothing). */
    public LinkStep open(String token, Browser browser, Locale locale) {
        return write(() -> tokens.current(token)
                .filter(LinkSignIn::pageOpen)
                .map(t -> refusal(t, browser).orElse(step(t, locale)))
                .orElse(new LinkStep.Invalid()));
    }

    public LinkStep signIn(
            String token, Browser browser, String username, String password, String address, Locale locale) {
        return write(() -> {
            Optional<Token> found =
                    tokens.current(token).filter(t -> LinkTokens.is(t, LinkTokens.PURPOSE_LINK, TokenState.ISSUED));
            if (found.isEmpty()) {
                return open(token, browser, locale);
            }
            Token t = found.get();
            Optional<LinkStep> refused = refusal(t, browser);
            if (refused.isPresent()) {
                return refused.get();
            }
            throttle.hold(username, address);
            Optional<Instant> locked = throttle.lockedUntil(username, address);
            if (locked.isPresent()) {
                return new LinkStep.SignIn(tokens.channelOf(t), tokens.accountOf(t, locale), false, locked.get());
            }
            Optional<CustomerId> customer = checkPassword(username, password);
            if (customer.isEmpty()) {
                throttle.failed(username, address);
                return new LinkStep.SignIn(
                        tokens.channelOf(t),
                        tokens.accountOf(t, locale),
                        true,
                        throttle.lockedUntil(username, address).orElse(null));
            }
            // the password clears the user name's sign-in failures, never the second-factor budget
            throttle.succeeded(username);
            return tokens.sendLinkCode(t, customer.get(), locale, false);
        });
    }

    public LinkStep enterCode(String token, Browser browser, String code, Locale locale) {
        return write(() -> {
            Optional<Token> found =
                    tokens.current(token).filter(t -> LinkTokens.is(t, LinkTokens.PURPOSE_LINK, TokenState.SIGNED_IN));
            if (found.isEmpty()) {
                return open(token, browser, locale);
            }
            Token t = found.get();
            Optional<LinkStep> refused = refusal(t, browser);
            if (refused.isPresent()) {
                return refused.get();
            }
            CodeCheck check = challenges.check(t.challengeId(), code);
            if (check instanceof CodeCheck.Wrong wrong) {
                return new LinkStep.EnterCode(
                        tokens.channelOf(t),
                        tokens.accountOf(t, locale),
                        tokens.maskedPhone(t.customerId()),
                        true,
                        wrong.attemptsLeft(),
                        tokens.usesAuthenticator(t));
            }
            if (!(check instanceof CodeCheck.Confirmed)) {
                store.updateToken(t.hash(), TokenState.BURNED, t.challengeId(), t.customerId());
                return check instanceof CodeCheck.Locked l ? new LinkStep.Locked(l.until()) : new LinkStep.Cancelled();
            }
            store.updateToken(t.hash(), TokenState.DONE, t.challengeId(), t.customerId());
            if (tokens.channelOf(t) == Network.WEBCHAT && browser.newWebChatVisitor() != null) {
                store.moveExternalId(t.identityId(), browser.newWebChatVisitor()); // before the alerts address it
            }
            LinkStep.Linked linked = linking.link(t.identityId(), t.customerId());
            if (authenticators.active(t.customerId()) || linked.channel() == Network.WEBCHAT) {
                return linked;
            }
            String enrolment = codes.randomToken();
            store.setBrowser(t.hash(), codes.hashToken(enrolment));
            return new LinkStep.Linked(linked.channel(), linked.customerName(), enrolment);
        });
    }

    /**
     * On the code page: send an SMS code, instead of the authenticator app's or again when the first
     * SMS did not come (issue 13). The code before is void; the SMS and second-factor budgets count
     * every one sent.
     */
    public LinkStep useSms(String token, Browser browser, Locale locale) {
        return write(() -> {
            Optional<Token> found =
                    tokens.current(token).filter(t -> LinkTokens.is(t, LinkTokens.PURPOSE_LINK, TokenState.SIGNED_IN));
            if (found.isEmpty()) {
                return open(token, browser, locale);
            }
            Optional<LinkStep> refused = refusal(found.get(), browser);
            if (refused.isPresent()) {
                return refused.get();
            }
            challenges.cancel(found.get().challengeId());
            return tokens.sendLinkCode(found.get(), found.get().customerId(), locale, true);
        });
    }

    /**
     * Why this browser may not use the link, if it may not: a web-chat link needs the chat's own
     * session; any other link needs the cookie of the browser that opened it first.
     */
    private Optional<LinkStep> refusal(Token t, Browser browser) {
        ChannelIdentity identity = store.identity(t.identityId()).orElse(null);
        if (identity == null) {
            return Optional.of(new LinkStep.Invalid());
        }
        if (identity.channel() == Network.WEBCHAT) {
            return identity.externalId().equals(browser.webChatVisitor())
                    ? Optional.empty()
                    : Optional.of(new LinkStep.WrongBrowser(Network.WEBCHAT));
        }
        return tokens.boundTo(t, browser.bindingSecret())
                ? Optional.empty()
                : Optional.of(new LinkStep.WrongBrowser(identity.channel()));
    }

    private LinkStep step(Token t, Locale locale) {
        return switch (t.state()) {
            case ISSUED -> new LinkStep.SignIn(tokens.channelOf(t), tokens.accountOf(t, locale), false, null);
            case SIGNED_IN ->
                new LinkStep.EnterCode(
                        tokens.channelOf(t),
                        tokens.accountOf(t, locale),
                        tokens.maskedPhone(t.customerId()),
                        false,
                        tokens.attemptsLeft(t),
                        tokens.usesAuthenticator(t));
            case DONE, BURNED -> new LinkStep.Invalid();
        };
    }

    /** A link whose page still leads somewhere: before the password, or before the code. */
    private static boolean pageOpen(Token t) {
        return LinkTokens.PURPOSE_LINK.equals(t.purpose()) && t.state().open();
    }

    private Optional<CustomerId> checkPassword(String username, String password) {
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        // only a well-formed user name reaches the database; anything else is an unknown user
        Optional<String> hash =
                user.matches("[a-z0-9][a-z0-9._-]{2,63}") ? directory.passwordHash(user) : Optional.empty();
        // bcrypt reads 72 bytes at most: a longer password can never be one we stored (issue 12)
        boolean fits = password != null && !NewCustomer.passwordTooLong(password);
        boolean matches = passwords.matches(fits ? password : "", hash.orElse(unknownUserHash)) && fits;
        return hash.isPresent() && matches ? directory.findByUsername(user) : Optional.empty();
    }

    private <T> T write(Supplier<T> work) {
        return writes.write(status -> work.get());
    }
}
