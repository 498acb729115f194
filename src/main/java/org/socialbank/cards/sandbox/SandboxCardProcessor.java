package org.socialbank.cards.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.socialbank.cards.Card;
import org.socialbank.cards.CardProcessor;
import org.socialbank.cards.FeedKind;
import org.socialbank.cards.FeedTransaction;

/**
 * A card processor in memory: what it is handed (or generates) waits, in order, until the bank
 * acknowledges it. Generated purchases are reproducible: the same seed gives the same ids, amounts,
 * days and merchants.
 */
public class SandboxCardProcessor implements CardProcessor {

    /** The most transactions waiting at once; more is refused (a bound, not a silent drop). */
    public static final int WAITING_MAX = 10_000;

    private static final List<String> MERCHANTS = List.of(
            "Corner Grocery",
            "City Metro",
            "Bookshop",
            "Café Lumière",
            "Pharmacy",
            "Fuel Station",
            "Cinema",
            "Noodle House");

    private final Map<Long, FeedTransaction> waiting = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** Queues one transaction for the feed. */
    public void submit(FeedTransaction transaction) {
        if (waiting.size() >= WAITING_MAX) {
            throw new IllegalStateException("the sandbox processor holds at most " + WAITING_MAX + " transactions");
        }
        waiting.put(sequence.incrementAndGet(), transaction);
    }

    /**
     * Queues {@code count} purchases on the card, on days from {@code from} to {@code to}, each of
     * {@code minMinor} to {@code maxMinor}; returns them.
     */
    public List<FeedTransaction> purchases(
            Card card, int count, LocalDate from, LocalDate to, long minMinor, long maxMinor, long seed) {
        if (count < 1 || count > 1000 || minMinor < 1 || maxMinor < minMinor || to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "1..1000 purchases of 1 or more, over a period that ends after it starts");
        }
        SplittableRandom seeded = new SplittableRandom(seed);
        long days = ChronoUnit.DAYS.between(from, to);
        List<FeedTransaction> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID id = UUID.nameUUIDFromBytes(
                    ("sandbox-card-processor:" + card.id() + ":" + seed + ":" + i).getBytes(StandardCharsets.UTF_8));
            FeedTransaction t = new FeedTransaction(
                    id,
                    card.id(),
                    FeedKind.PURCHASE,
                    seeded.nextLong(minMinor, maxMinor + 1),
                    card.currency(),
                    from.plusDays(seeded.nextLong(days + 1)),
                    MERCHANTS.get(seeded.nextInt(MERCHANTS.size())));
            submit(t);
            made.add(t);
        }
        return made;
    }

    @Override
    public List<FeedTransaction> waiting(int max) {
        return waiting.values().stream().limit(max).toList();
    }

    @Override
    public void acknowledge(UUID transactionId) {
        waiting.entrySet().removeIf(e -> e.getValue().id().equals(transactionId));
    }
}
