package org.socialbank.billing.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.socialbank.billing.BillDue;
import org.socialbank.billing.BillOrder;
import org.socialbank.billing.BillPaymentId;
import org.socialbank.billing.Biller;
import org.socialbank.billing.IranianBill;
import org.socialbank.shared.ProviderAnswer;

/**
 * A biller in memory: deterministic bills from the bill id (amount from the payment id, a masked
 * holder, a due date), paid at once with a trace number derived from the payment's id. Like a
 * real switch it is idempotent by payment id and refuses a pair already paid under another id.
 * It refuses the configured bill ids, and can be told to fail, time out or lose the next
 * payments. It counts every pay call so tests can prove a bill was sent once. What it remembers is
 * lost on restart: it is for demos and tests only.
 */
public class SandboxBiller implements Biller {

    public static final String BILL_REFUSED = "bill_refused";
    public static final String ALREADY_PAID = "already_paid";
    public static final int REMEMBERED_MAX = 100_000;
    public static final int TROUBLES_MAX = 1000;
    private static final List<String> HOLDERS =
            List.of("A*** R*****", "M***** K*****", "S**** H*******", "Z***** M*******", "R*** A******");

    /** What the next pay calls do instead of paying. */
    public enum Trouble {
        /** Refused with {@value #BILL_REFUSED}. */
        FAIL,
        /** Paid, but the answer is lost: Unknown, and a status query says Paid. */
        TIMEOUT,
        /** Lost on the way: Unknown, and the biller never heard of it. */
        LOSE
    }

    private record Received(String pair, ProviderAnswer answer) {}

    private final Clock clock;
    private final Set<String> refusedBills;
    private final Map<UUID, Received> received = bounded();
    private final Map<String, UUID> paidPairs = bounded();
    private final Map<UUID, Integer> calls = new HashMap<>();
    private final ArrayDeque<Trouble> troubles = new ArrayDeque<>();

    public SandboxBiller(Clock clock, List<String> refusedBills) {
        this.clock = clock;
        this.refusedBills = Set.copyOf(refusedBills);
    }

    @Override
    public Duration timeout() {
        return Duration.ZERO;
    }

    @Override
    public Optional<BillDue> inquire(IranianBill bill) {
        int hash = Math.floorMod(bill.billId().hashCode(), 1_000);
        LocalDate due = LocalDate.now(clock).plusDays(5 + hash % 20);
        String biller = "Sandbox " + bill.serviceDigit() + "-" + bill.companyCode();
        return Optional.of(new BillDue(bill.amountRial(), due, HOLDERS.get(hash % HOLDERS.size()), biller));
    }

    /** The current month's bill of a bill id: the amount (10,000..99,000 rial) and due date derived from it. */
    @Override
    public Optional<CurrentBill> current(String billId) {
        LocalDate today = LocalDate.now(clock);
        int hash = Math.floorMod(billId.hashCode(), 1_000);
        return IranianBill.of(billId, 10 + hash % 90, today.getYear() % 10, today.getMonthValue())
                .flatMap(bill -> inquire(bill).map(due -> new CurrentBill(bill, due)));
    }

    @Override
    public synchronized ProviderAnswer pay(BillOrder order) {
        UUID id = order.id().value();
        calls.merge(id, 1, Integer::sum);
        if (received.containsKey(id)) {
            return received.get(id).answer();
        }
        Trouble trouble = troubles.poll();
        if (trouble == Trouble.LOSE) {
            return new ProviderAnswer.Unknown("timeout");
        }
        String pair = order.bill().pairKey();
        ProviderAnswer answer;
        if (trouble == Trouble.FAIL || refusedBills.contains(order.bill().billId())) {
            answer = new ProviderAnswer.Failed(BILL_REFUSED);
        } else if (paidPairs.containsKey(pair)) {
            answer = new ProviderAnswer.Failed(ALREADY_PAID);
        } else {
            answer = new ProviderAnswer.Succeeded(trace(id));
            paidPairs.put(pair, id);
        }
        received.put(id, new Received(pair, answer));
        return trouble == Trouble.TIMEOUT ? new ProviderAnswer.Unknown("timeout") : answer;
    }

    @Override
    public synchronized ProviderAnswer status(BillPaymentId id) {
        // never received: remembered, so that a pay with the id that arrives later is refused the same
        return received.computeIfAbsent(
                        id.value(), k -> new Received("", new ProviderAnswer.Failed(ProviderAnswer.NOT_RECEIVED)))
                .answer();
    }

    /** Makes the next pay call (after any already queued) go wrong this way. */
    public synchronized int troubleNext(Trouble trouble) {
        if (troubles.size() >= TROUBLES_MAX) {
            throw new IllegalStateException(TROUBLES_MAX + " troubles are queued already");
        }
        troubles.add(trouble);
        return troubles.size();
    }

    /** How many times this payment was sent to the biller. */
    public synchronized int calls(BillPaymentId id) {
        return calls.getOrDefault(id.value(), 0);
    }

    /** How many different payments of this pair the biller was asked to make. */
    public synchronized long payCallsFor(IranianBill bill) {
        return received.values().stream()
                .filter(r -> r.pair().equals(bill.pairKey()))
                .count();
    }

    private static String trace(UUID id) {
        return String.format(
                "%012d", Math.floorMod(id.getMostSignificantBits() ^ id.getLeastSignificantBits(), 1_000_000_000_000L));
    }

    private static <K, V> Map<K, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > REMEMBERED_MAX;
            }
        };
    }
}
