package org.socialbank.billing.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.socialbank.billing.MobileOperator;
import org.socialbank.billing.TopUpId;
import org.socialbank.billing.TopUpOrder;
import org.socialbank.shared.ProviderAnswer;

/**
 * A top-up gateway in memory: it tops up at once with a trace number derived from the id, is
 * idempotent by id, and can be told to fail, time out or lose the next top-ups. For demos and
 * tests only.
 */
public class SandboxOperator implements MobileOperator {

    public static final String TOPUP_REFUSED = "topup_refused";
    public static final int REMEMBERED_MAX = 100_000;
    public static final int TROUBLES_MAX = 1000;

    private final Map<UUID, ProviderAnswer> received = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, ProviderAnswer> eldest) {
            return size() > REMEMBERED_MAX;
        }
    };
    private final ArrayDeque<SandboxBiller.Trouble> troubles = new ArrayDeque<>();

    @Override
    public Duration timeout() {
        return Duration.ZERO;
    }

    @Override
    public synchronized ProviderAnswer topUp(TopUpOrder order) {
        UUID id = order.id().value();
        if (received.containsKey(id)) {
            return received.get(id);
        }
        SandboxBiller.Trouble trouble = troubles.poll();
        if (trouble == SandboxBiller.Trouble.LOSE) {
            return new ProviderAnswer.Unknown("timeout");
        }
        ProviderAnswer answer = trouble == SandboxBiller.Trouble.FAIL
                ? new ProviderAnswer.Failed(TOPUP_REFUSED)
                : new ProviderAnswer.Succeeded(
                        "T" + Long.toUnsignedString(id.getLeastSignificantBits() % 1_000_000_000_000L));
        received.put(id, answer);
        return trouble == SandboxBiller.Trouble.TIMEOUT ? new ProviderAnswer.Unknown("timeout") : answer;
    }

    @Override
    public synchronized ProviderAnswer status(TopUpId id) {
        ProviderAnswer answer = received.get(id.value());
        return answer == null ? new ProviderAnswer.Failed(ProviderAnswer.NOT_RECEIVED) : answer;
    }

    /** Makes the next top-up (after any already queued) go wrong this way. */
    /** A voucher's PIN: 16 digits derived from the top-up's id, for a top-up it sold. */
    @Override
    public synchronized java.util.Optional<String> voucherPin(TopUpId id) {
        if (!(received.get(id.value()) instanceof ProviderAnswer.Succeeded)) {
            return java.util.Optional.empty();
        }
        long bits = id.value().getMostSignificantBits() ^ id.value().getLeastSignificantBits();
        return java.util.Optional.of(String.format("%016d", Long.remainderUnsigned(bits, 10_000_000_000_000_000L)));
    }

    public synchronized int troubleNext(SandboxBiller.Trouble trouble) {
        if (troubles.size() >= TROUBLES_MAX) {
            throw new IllegalStateException(TROUBLES_MAX + " troubles are queued already");
        }
        troubles.add(trouble);
        return troubles.size();
    }
}
