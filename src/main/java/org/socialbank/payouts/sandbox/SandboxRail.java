package org.socialbank.payouts.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.socialbank.payouts.EndToEndId;
import org.socialbank.payouts.Iban;
import org.socialbank.payouts.IndianAccount;
import org.socialbank.payouts.InterbankRail;
import org.socialbank.payouts.PayoutId;
import org.socialbank.payouts.PayoutOrder;
import org.socialbank.payouts.RailAnswer;

/**
 * A rail in memory: it accepts a payout and says it settled once {@code settle-after} has passed
 * on the injected clock; it rejects the configured accounts with {@value #ACCOUNT_CLOSED}. Like a
 * real rail it is idempotent by end-to-end id, and once it answered {@link RailAnswer#NOT_RECEIVED}
 * for an id it refuses that id for good (a send with it that arrives later pays nothing). It counts
 * every send and every payment per payout so that tests can prove none was paid twice. What it
 * remembers is lost on restart (then it answers {@link RailAnswer#NOT_RECEIVED}, and the worker
 * sends again under a new id): it is for demos and tests only.
 */
public class SandboxRail implements InterbankRail {

    public static final String ACCOUNT_CLOSED = "account_closed";
    /** The most payouts remembered; the oldest are forgotten first. */
    public static final int REMEMBERED_MAX = 100_000;
    /** The most sends that can be queued to go wrong. */
    public static final int TROUBLES_MAX = 1000;

    /** What the next sends do instead of being accepted. */
    public enum Trouble {
        /** Rejected with {@value #ACCOUNT_CLOSED}. */
        FAIL,
        /** Taken, but the answer is lost: Unknown, and the payout settles as usual. */
        TIMEOUT,
        /** Lost on the way: Unknown, and the rail never heard of it. */
        LOSE
    }

    private record Received(Instant acceptedAt, String rejection) {}

    private static <K, V> Map<K, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > REMEMBERED_MAX;
            }
        };
    }

    private final Clock clock;
    private final Duration settleAfter;
    private final Set<String> failAccounts;
    private final Map<UUID, Received> received = bounded();
    private final Map<UUID, Integer> sends = bounded();
    private final Map<UUID, Integer> paid = bounded();
    private final java.util.ArrayDeque<Trouble> troubles = new java.util.ArrayDeque<>();
    private final Map<String, java.util.ArrayDeque<Trouble>> accountTroubles = new java.util.HashMap<>();

    public SandboxRail(Clock clock, Duration settleAfter, List<String> failAccounts) {
        this.clock = clock;
        this.settleAfter = settleAfter;
        this.failAccounts = failAccounts.stream().map(SandboxRail::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** It answers from memory at once. */
    @Override
    public Duration timeout() {
        return Duration.ZERO;
    }

    @Override
    public synchronized RailAnswer send(EndToEndId id, PayoutOrder order) {
        sends.merge(order.id().value(), 1, Integer::sum);
        if (received.containsKey(id.value())) {
            return status(id);
        }
        Trouble trouble = nextTrouble(account(order));
        if (trouble == Trouble.LOSE) {
            return RailAnswer.unknown("timeout");
        }
        String rejection = trouble == Trouble.FAIL || failAccounts.contains(account(order)) ? ACCOUNT_CLOSED : null;
        received.put(id.value(), new Received(clock.instant(), rejection));
        if (rejection == null) {
            paid.merge(order.id().value(), 1, Integer::sum);
        }
        if (trouble == Trouble.TIMEOUT) {
            return RailAnswer.unknown("timeout");
        }
        return rejection != null ? RailAnswer.rejected(rejection) : answer(received.get(id.value()));
    }

    /** Never received: remembered as refused, so that a send with the id that arrives later pays nothing. */
    @Override
    public synchronized RailAnswer status(EndToEndId id) {
        return answer(
                received.computeIfAbsent(id.value(), k -> new Received(clock.instant(), RailAnswer.NOT_RECEIVED)));
    }

    /** Makes the next send (after any already queued) go wrong this way; at most {@value #TROUBLES_MAX} queued. */
    public synchronized int troubleNext(Trouble trouble) {
        if (troublesQueued() >= TROUBLES_MAX) {
            throw new IllegalStateException(TROUBLES_MAX + " troubles are queued already");
        }
        troubles.add(trouble);
        return troubles.size();
    }

    /**
     * Makes the next send to this account (after any already queued for it) go wrong this way, before
     * any trouble queued for every account: a test that shares the rail with others' payouts binds its
     * trouble to its own payee so that no other payout takes it.
     */
    public synchronized int troubleNextTo(String account, Trouble trouble) {
        if (troublesQueued() >= TROUBLES_MAX) {
            throw new IllegalStateException(TROUBLES_MAX + " troubles are queued already");
        }
        java.util.ArrayDeque<Trouble> queue =
                accountTroubles.computeIfAbsent(normalize(account), a -> new java.util.ArrayDeque<>());
        queue.add(trouble);
        return queue.size();
    }

    /** How many sends will go wrong, for any account and bound to one. */
    public synchronized int troublesQueued() {
        return troubles.size()
                + accountTroubles.values().stream()
                        .mapToInt(java.util.ArrayDeque::size)
                        .sum();
    }

    /** How many sends to this account will go wrong before any trouble queued for every account. */
    public synchronized int troublesQueued(String account) {
        java.util.ArrayDeque<Trouble> queue = accountTroubles.get(normalize(account));
        return queue == null ? 0 : queue.size();
    }

    private Trouble nextTrouble(String account) {
        java.util.ArrayDeque<Trouble> queue = accountTroubles.get(normalize(account));
        if (queue != null && !queue.isEmpty()) {
            Trouble trouble = queue.poll();
            if (queue.isEmpty()) {
                accountTroubles.remove(normalize(account));
            }
            return trouble;
        }
        return troubles.poll();
    }

    /** How many times the payout was sent to this rail, under any of its end-to-end ids. */
    public synchronized int sends(PayoutId id) {
        return sends.getOrDefault(id.value(), 0);
    }

    /** How many of the payout's sends this rail took to pay (settled or to settle): never more than one. */
    public synchronized int paid(PayoutId id) {
        return paid.getOrDefault(id.value(), 0);
    }

    private RailAnswer answer(Received payout) {
        if (payout.rejection() != null) {
            return RailAnswer.rejected(payout.rejection());
        }
        boolean settled = !clock.instant().isBefore(payout.acceptedAt().plus(settleAfter));
        return settled ? RailAnswer.settled() : RailAnswer.accepted();
    }

    private static String account(PayoutOrder order) {
        return order.to() instanceof IndianAccount indian ? indian.number() : ((Iban) order.to()).value();
    }

    private static String normalize(String account) {
        return account.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
