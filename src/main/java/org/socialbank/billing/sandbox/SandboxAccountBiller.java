package org.socialbank.billing.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.socialbank.billing.AccountBiller;
import org.socialbank.billing.BillerRegistry;
import org.socialbank.shared.ProviderAnswer;

/**
 * An account-bill switch in memory, for the demo bank and tests (issue 15 s1.9, s1.13): every
 * biller of the {@link BillerRegistry} answers for every account in its format with a deterministic
 * bill (an amount of 20.00..219.99 in the biller's currency, a masked holder and a due date in the
 * next month derived from the account: one bill a month), and pays at once with a trace number derived
 * from the payment's id. Idempotent by payment id, like the protocol asks; a due bill paid under one
 * payment id is refused {@link #ALREADY_PAID} under another, as a biller does (review 2026-12-07
 * billing follow-up). It can be told to fail, time out or lose the next payments, and to forget an
 * account. What it remembers is lost on restart.
 */
public class SandboxAccountBiller implements AccountBiller {

    public static final String REFUSED = "biller_refused";
    /** Why a second payment of a due bill already paid under another payment id is refused. */
    public static final String ALREADY_PAID = "bill_already_paid";

    public static final int REMEMBERED_MAX = 100_000;
    public static final int TROUBLES_MAX = 1000;
    private static final List<String> HOLDERS =
            List.of("Z*** W**", "L* N*", "M**** D*****", "C****** M*****", "И**** П.", "А**** С.");

    private final Clock clock;
    private final BillerRegistry registry;
    private final SandboxCalls calls = new SandboxCalls();
    private final Set<String> forgotten = new HashSet<>();
    /** The payment id that paid each due bill (biller, account, due date), the oldest forgotten first. */
    private final Map<String, UUID> paid = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UUID> eldest) {
            return size() > REMEMBERED_MAX;
        }
    };

    public SandboxAccountBiller(Clock clock, BillerRegistry registry) {
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public Duration timeout() {
        return Duration.ZERO;
    }

    @Override
    public synchronized Inquiry inquire(String billerId, String account) {
        var biller = registry.find(billerId);
        if (biller.isEmpty() || biller.get().account(account).isEmpty() || forgotten.contains(key(billerId, account))) {
            return new NotDue(UNKNOWN_ACCOUNT);
        }
        int hash = Math.floorMod(key(billerId, account).hashCode(), 20_000);
        LocalDate due = YearMonth.now(clock).plusMonths(1).atDay(1 + hash % 25);
        return new Due(2_000 + hash, biller.get().currency(), due, HOLDERS.get(hash % HOLDERS.size()));
    }

    @Override
    public ProviderAnswer pay(Order order) {
        return calls.call(order.id(), REFUSED, () -> carry(order));
    }

    private synchronized ProviderAnswer carry(Order order) {
        if (!(inquire(order.billerId(), order.account()) instanceof Due due)) {
            return new ProviderAnswer.Failed(REFUSED);
        }
        UUID first = paid.putIfAbsent(key(order.billerId(), order.account()) + "|" + due.dueDate(), order.id());
        return first == null || first.equals(order.id())
                ? new ProviderAnswer.Succeeded(trace(order.id()))
                : new ProviderAnswer.Failed(ALREADY_PAID);
    }

    @Override
    public ProviderAnswer status(UUID paymentId) {
        return calls.status(paymentId);
    }

    /** Makes the next pay call (after any already queued) go wrong this way. */
    public int troubleNext(SandboxBiller.Trouble trouble) {
        return calls.troubleNext(trouble);
    }

    /** The biller no longer knows this account: inquiries answer {@link #UNKNOWN_ACCOUNT}. */
    public synchronized void forget(String billerId, String account) {
        forgotten.add(key(billerId, account));
    }

    /** How many times this payment was sent. */
    public int calls(UUID paymentId) {
        return calls.calls(paymentId);
    }

    private static String key(String billerId, String account) {
        return billerId + "|" + account;
    }

    private static String trace(UUID id) {
        return String.format(
                "%012d", Math.floorMod(id.getMostSignificantBits() ^ id.getLeastSignificantBits(), 1_000_000_000_000L));
    }
}
