package org.socialbank.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts ledger outcomes for operators: {@code socialbank.ledger.outcomes} tagged with the
 * operation and its outcome ({@code booked}, {@code replayed} or the rejection code).
 */
@Component
class LedgerMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    LedgerMetrics(MeterRegistry registry) {
        this.registry = registry;
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
        counters.computeIfAbsent(operation + "/" + outcome, key -> Counter
                .builder("socialbank.ledger.outcomes")
                .description("Ledger requests by operation and outcome")
                .tag("operation", operation).tag("outcome", outcome)
                .register(registry)).increment();
    }
}
