package org.socialbank.billing.sandbox;

import java.time.Duration;
import java.util.UUID;
import org.socialbank.billing.MobileOperator;
import org.socialbank.billing.TopUpId;
import org.socialbank.billing.TopUpOrder;
import org.socialbank.shared.ProviderAnswer;

/**
 * A top-up gateway in memory: it tops up at once with a trace number derived from the id, is
 * idempotent by id, and can be told to fail, time out or lose the next top-ups, that its next
 * status queries cannot tell (an outage), or to withhold a voucher's PIN. For demos and tests only.
 */
public class SandboxOperator implements MobileOperator {

    public static final String TOPUP_REFUSED = "topup_refused";
    public static final int REMEMBERED_MAX = 100_000;
    public static final int TROUBLES_MAX = 1000;

    private final SandboxCalls calls = new SandboxCalls();
    private final java.util.Set<UUID> withheld = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public Duration timeout() {
        return Duration.ZERO;
    }

    @Override
    public ProviderAnswer topUp(TopUpOrder order) {
        UUID id = order.id().value();
        return calls.call(
                id,
                TOPUP_REFUSED,
                () -> new ProviderAnswer.Succeeded(
                        "T" + Long.toUnsignedString(id.getLeastSignificantBits() % 1_000_000_000_000L)));
    }

    @Override
    public ProviderAnswer status(TopUpId id) {
        return calls.statusQuery(id.value());
    }

    /** The next {@code count} status queries cannot tell, as in an outage: they answer Unknown. */
    public void statusUnavailable(int count) {
        calls.statusUnavailable(count);
    }

    /** A voucher's PIN: 16 digits derived from the top-up's id, for a top-up it sold. */
    @Override
    public java.util.Optional<String> voucherPin(TopUpId id) {
        if (withheld.contains(id.value()) || !calls.succeeded(id.value())) {
            return java.util.Optional.empty();
        }
        long bits = id.value().getMostSignificantBits() ^ id.value().getLeastSignificantBits();
        return java.util.Optional.of(String.format("%016d", Long.remainderUnsigned(bits, 10_000_000_000_000_000L)));
    }

    /** Gives no PIN for this voucher ({@code withhold} true) until told to give it again (false). */
    public void withholdPin(TopUpId id, boolean withhold) {
        if (withhold) {
            if (withheld.size() >= REMEMBERED_MAX) {
                throw new IllegalStateException(REMEMBERED_MAX + " PINs are withheld already");
            }
            withheld.add(id.value());
        } else {
            withheld.remove(id.value());
        }
    }

    /** Makes the next top-up (after any already queued) go wrong this way. */
    public int troubleNext(SandboxBiller.Trouble trouble) {
        return calls.troubleNext(trouble);
    }
}
