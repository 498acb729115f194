package org.socialbank.directory.linking;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins counted per user name and per address: after N in a row that key is locked for
 * a while, so guessing passwords is slow for one account and for one attacker alike.
 */
@Component
public class SignInThrottle {

    private final JdbcLinking store;
    private final DirectoryProperties properties;
    private final Clock clock;

    SignInThrottle(JdbcLinking store, DirectoryProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Until when the user name or the address is locked out, if it is now. */
    public Optional<Instant> lockedUntil(String username, String address) {
        Instant now = clock.instant();
        return Optional.ofNullable(later(store.lockedUntil(userKey(username)), store.lockedUntil(addressKey(address))))
                .filter(until -> until.isAfter(now));
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            if (store.countFailure(key, now) >= properties.signInFailuresMax()) {
                store.lock(key, now.plus(properties.signInLockout()));
            }
        }
    }

    public void succeeded(String username) {
        store.clearFailures(userKey(username));
    }

    private static Instant later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b.orElse(null);
        }
        return b.isEmpty() || a.get().isAfter(b.get()) ? a.get() : b.get();
    }

    private static String userKey(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        return "user:" + (key.length() > 64 ? key.substring(0, 64) : key);
    }

    private static String addressKey(String address) {
        return "ip:" + (address == null ? "unknown" : address);
    }
}
