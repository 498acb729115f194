package org.socialbank.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts ledger outcomes for operators: {@code socialbank.ledger.outcomes} tagged with the
 * operation and its outcome ({@code booked}, {@code replayed} or the rejection code), and the
 * size of each group of single transfers written together ({@code socialbank.ledger.group.size})
 * and of each group of linked batches ({@code socialbank.ledger.linked.group.size}), and the
 * journal rows a follower read whose time was further after its clock than
 * {@code socialbank.ledger.clock-skew-max} ({@code socialbank.ledger.journal.skewed}, each logged:
 * the node that wrote them has a clock ahead).
 */
@Component
class LedgerMetrics {

    private static final Logger log = LoggerFactory.getLogger(LedgerMetrics.class);

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final DistributionSummary groupSizes;
    private final DistributionSummary linkedGroupSizes;
    private final Counter skewedRows;

    LedgerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.groupSizes = DistributionSummary.builder("socialbank.ledger.group.size")
                .description("Single transfers written in one transaction by the group commit")
                .baseUnit("transfers")
                .register(registry);
        this.linkedGroupSizes = DistributionSummary.builder("socialbank.ledger.linked.group.size")
                .description("Linked batches written in one transaction by the group commit")
                .baseUnit("batches")
                .register(registry);
        this.skewedRows = Counter.builder("socialbank.ledger.journal.skewed")
                .description(
                        "Journal rows a follower read as settled although their time was ahead of its clock by more "
                                + "than clock-skew-max: a node's clock is ahead")
                .baseUnit("rows")
                .register(registry);
    }

    /** A journal row read as settled whose time is ahead of the reading node's clock {@code now}. */
    void skewed(Transfer transfer, Instant now) {
        skewedRows.increment();
        log.warn(
                "ledger: journal row {} (code {}) is stamped {}, {} after this node's clock: the node that booked it has a "
                        + "clock ahead; the journal's followers read it as settled",
                transfer.id().value(),
                transfer.code().value(),
                transfer.createdAt(),
                Duration.between(now, transfer.createdAt()));
    }

    void groupSize(int transfers) {
        groupSizes.record(transfers);
    }

    void linkedGroupSize(int batches) {
        linkedGroupSizes.record(batches);
    }

    TransferResult count(String operation, TransferResult result) {
        String outcome = result instanceof TransferResult.Posted posted
                ? (posted.replayed() ? "replayed" : "booked")
                : ((TransferResult.Rejected) result).code().code();
        increment(operation, outcome);
        return result;
    }

    BatchResult count(BatchResult result) {
        String outcome = result instanceof BatchResult.Committed committed
                ? (committed.replayed() ? "replayed" : "booked")
                : ((BatchResult.Rejected) result).code().code();
        increment("batch", outcome);
        return result;
    }

    private void increment(String operation, String outcome) {
        counters.computeIfAbsent(
                        operation + "/" + outcome,
                        key -> Counter.builder("socialbank.ledger.outcomes")
                                .description("Ledger requests by operation and outcome")
                                .tag("operation", operation)
                                .tag("outcome", outcome)
                                .register(registry))
                .increment();
    }
}
