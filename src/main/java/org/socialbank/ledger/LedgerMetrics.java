package org.socialbank.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts ledger outcomes for operators: {@code socialbank.ledger.outcomes} tagged with the
 * operation and its outcome ({@code booked}, {@code replayed} or the rejection code), and the
 * size of each group of single transfers written together ({@code socialbank.ledger.group.size})
 * and of each group of linked batches ({@code socialbank.ledger.linked.group.size}).
 */
@Component
class LedgerMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final DistributionSummary groupSizes;
    private final DistributionSummary linkedGroupSizes;

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
