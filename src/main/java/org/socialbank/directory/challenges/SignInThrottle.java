package org.socialbank.directory.challenges;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.security.otp.OneTimeCodes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins counted per user name and per address: after N in a row that key is locked for
 * a while, so guessing passwords is slow for one account and for one attacker alike.
 *
 * <p>A user name is kept only as an HMAC under a key derived from the server's pepper
 * (review 2026-12-07 security follow-up): people type their password into the name field, and
 * the row is written before the password is checked. Rows no failure touched for a lockout window
 * count for nothing and are purged ({@link #forgetIdle}), so the table stays bounded.
 */
@Component
public class SignInThrottle {

    private static final String HMAC = "HmacSHA256";

    private final JdbcLinking store;
    private final SecretKeySpec nameKey;
    private final TransactionTemplate savepoint;
    private final DirectoryProperties properties;
    private final Clock clock;

    SignInThrottle(
            JdbcLinking store,
            OneTimeCodes codes,
            PlatformTransactionManager transactions,
            DirectoryProperties properties,
            Clock clock) {
        this.store = store;
        this.nameKey = new SecretKeySpec(codes.deriveKey("sign-in throttle user names"), HMAC);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Locks the user name's and the address's throttle rows (creating them if need be) until the
     * transaction ends, so that concurrent sign-ins through many links count one after the other
     * and a lockout cannot be outrun. Call before checking a password.
     */
    public void hold(String username, String address) {
        Instant now = clock.instant();
        for (String key : new java.util.TreeSet<>(java.util.List.of(userKey(username), addressKey(address)))) {
            if (!store.lockThrottleKey(key)) {
                try {
                    savepoint.executeWithoutResult(status -> store.insertThrottleKey(key, now));
                } catch (DuplicateKeyException raced) {
                    // another sign-in created it first; lock it below like any other
                }
                store.lockThrottleKey(key);
            }
        }
    }

    /** Until when the user name or the address is locked out, if it is now. */
    public Optional<Instant> lockedUntil(String username, String address) {
        Instant now = clock.instant();
        return Optional.ofNullable(later(store.lockedUntil(userKey(username)), store.lockedUntil(addressKey(address))))
                .filter(until -> until.isAfter(now));
    }

    /** Counts a failed sign-in for both keys (held by {@link #hold}); N in a row lock the key. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            store.addFailure(key, now);
            if (store.failures(key) >= properties.signInFailuresMax()) {
                store.lock(key, now.plus(properties.signInLockout()));
            }
        }
    }

    public void succeeded(String username) {
        store.clearFailures(userKey(username));
    }

    /**
     * Deletes up to {@code max} rows no failure touched for a lockout window and not locked now:
     * they no longer count. Returns how many went.
     */
    public int forgetIdle(int max) {
        Instant now = clock.instant();
        return store.deleteIdleThrottleKeys(now.minus(properties.signInLockout()), now, max);
    }

    private static Instant later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b.orElse(null);
        }
        return b.isEmpty() || a.get().isAfter(b.get()) ? a.get() : b.get();
    }

    /** "user:" and the HMAC of the name as typed (trimmed, any case): never the text itself. */
    private String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(nameKey);
            return "user:" + HexFormat.of().formatHex(mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static String addressKey(String address) {
        return "ip:" + (address == null ? "unknown" : address);
    }
}
