package org.socialbank.loyalty.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.socialbank.loyalty.Rewards;
import org.socialbank.shared.ProviderAnswer;

/**
 * The embedded rewards partner: a small catalogue, a voucher code derived from the order's id (the
 * same order answers the same code), and for tests and the demo a way to make the next order fail
 * or lose its answer (the partner then issued it, and its status query says so), or be slower than
 * the call's {@link #timeout()} (the sandbox waits that long, answers unknown, and the partner issues
 * the voucher late, as a slow partner does).
 */
public class SandboxRewards implements Rewards {

    private static final List<Reward> CATALOGUE = List.of(
            new Reward("coffee", 300, "Café Lumière", "A coffee of your choice"),
            new Reward("cinema", 1_000, "Cinéma du Parc", "A cinema ticket"),
            new Reward("books", 2_500, "Librairie Mots", "A 25 € book voucher"));

    /** One call's bound: short, so that a test of a slow partner waits little. */
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    private enum Next {
        ISSUE,
        FAIL,
        LOSE,
        SLOW
    }

    private final AtomicReference<Next> next = new AtomicReference<>(Next.ISSUE);
    private final Map<UUID, String> issued = new ConcurrentHashMap<>();

    @Override
    public Duration timeout() {
        return TIMEOUT;
    }

    @Override
    public List<Reward> catalogue() {
        return CATALOGUE;
    }

    @Override
    public ProviderAnswer issue(UUID orderId, String rewardCode) {
        if (CATALOGUE.stream().noneMatch(r -> r.code().equals(rewardCode))) {
            return new ProviderAnswer.Failed("unknown_reward");
        }
        if (issued.containsKey(orderId)) {
            return new ProviderAnswer.Succeeded(issued.get(orderId));
        }
        Next now = next.getAndSet(Next.ISSUE);
        if (now == Next.FAIL) {
            return new ProviderAnswer.Failed("out_of_stock");
        }
        if (now == Next.SLOW) {
            waitOutTheTimeout();
        }
        String code = code(orderId);
        issued.put(orderId, code); // a slow partner issues it after the call gave up
        return now == Next.ISSUE ? new ProviderAnswer.Succeeded(code) : new ProviderAnswer.Unknown("timeout");
    }

    @Override
    public ProviderAnswer status(UUID orderId) {
        String code = issued.get(orderId);
        return code == null
                ? new ProviderAnswer.Failed(ProviderAnswer.NOT_RECEIVED)
                : new ProviderAnswer.Succeeded(code);
    }

    /** The next order is refused (out of stock). */
    public void failNext() {
        next.set(Next.FAIL);
    }

    /** The next order is issued but its answer is lost (a timeout). */
    public void loseNext() {
        next.set(Next.LOSE);
    }

    /** The next order takes longer than {@link #timeout()}: the call answers unknown, and the partner issues it. */
    public void slowNext() {
        next.set(Next.SLOW);
    }

    private static void waitOutTheTimeout() {
        try {
            Thread.sleep(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String code(UUID orderId) {
        String hex = UUID.nameUUIDFromBytes(("sandbox-rewards:" + orderId).getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "")
                .toUpperCase(java.util.Locale.ROOT);
        return "RW-" + hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12);
    }
}
