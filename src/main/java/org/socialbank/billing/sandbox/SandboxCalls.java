package org.socialbank.billing.sandbox;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.socialbank.shared.ProviderAnswer;

/**
 * What a sandbox provider (the card switch, the operator, the account biller) remembers of its
 * calls: the answer given to each id, so that a call again with the same id is answered the same,
 * how many times each id was sent, and the troubles queued for the next calls.
 */
final class SandboxCalls {

    private final Map<UUID, ProviderAnswer> received = bounded();
    private final Map<UUID, Integer> calls = bounded();
    private final ArrayDeque<SandboxBiller.Trouble> troubles = new ArrayDeque<>();
    private int statusUnavailable;

    /**
     * Carries out the call {@code id} once: a call again gets the answer remembered; else the next
     * trouble, if any, decides (LOSE: never received; FAIL: refused with {@code refusedCode};
     * TIMEOUT: carried out, the answer lost), and {@code carry} answers the others.
     */
    synchronized ProviderAnswer call(UUID id, String refusedCode, Supplier<ProviderAnswer> carry) {
        calls.merge(id, 1, Integer::sum);
        if (received.containsKey(id)) {
            return received.get(id);
        }
        SandboxBiller.Trouble trouble = troubles.poll();
        if (trouble == SandboxBiller.Trouble.LOSE) {
            return new ProviderAnswer.Unknown("timeout");
        }
        ProviderAnswer answer =
                trouble == SandboxBiller.Trouble.FAIL ? new ProviderAnswer.Failed(refusedCode) : carry.get();
        received.put(id, answer);
        return trouble == SandboxBiller.Trouble.TIMEOUT ? new ProviderAnswer.Unknown("timeout") : answer;
    }

    /**
     * The answer given to {@code id}; never received: Failed with {@link ProviderAnswer#NOT_RECEIVED},
     * remembered, so that a call with the id that arrives later is refused the same (the SPIs' rule).
     */
    synchronized ProviderAnswer status(UUID id) {
        return received.computeIfAbsent(id, k -> new ProviderAnswer.Failed(ProviderAnswer.NOT_RECEIVED));
    }

    /** Whether {@code id} was carried out and paid; asks nothing, remembers nothing. */
    synchronized boolean succeeded(UUID id) {
        return received.get(id) instanceof ProviderAnswer.Succeeded;
    }

    /** A status query: Unknown while the provider is told it cannot tell ({@link #statusUnavailable}), else {@link #status}. */
    synchronized ProviderAnswer statusQuery(UUID id) {
        if (statusUnavailable > 0) {
            statusUnavailable--;
            return new ProviderAnswer.Unknown("unavailable");
        }
        return status(id);
    }

    /** The next {@code count} status queries cannot tell (an outage): they answer Unknown. */
    synchronized void statusUnavailable(int count) {
        if (count < 0 || count > SandboxBiller.TROUBLES_MAX) {
            throw new IllegalArgumentException("0.." + SandboxBiller.TROUBLES_MAX + " status queries, not " + count);
        }
        statusUnavailable = count;
    }

    /** Makes the next call (after any already queued) go wrong this way. */
    synchronized int troubleNext(SandboxBiller.Trouble trouble) {
        if (troubles.size() >= SandboxBiller.TROUBLES_MAX) {
            throw new IllegalStateException(SandboxBiller.TROUBLES_MAX + " troubles are queued already");
        }
        troubles.add(trouble);
        return troubles.size();
    }

    /** How many times this id was sent. */
    synchronized int calls(UUID id) {
        return calls.getOrDefault(id, 0);
    }

    private static <V> Map<UUID, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, V> eldest) {
                return size() > SandboxBiller.REMEMBERED_MAX;
            }
        };
    }
}
