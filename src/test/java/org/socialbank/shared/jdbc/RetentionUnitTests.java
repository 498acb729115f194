package org.socialbank.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetentionUnitTests {

    @Test
    void deletesBatchesUntilOneComesBackShort() {
        AtomicInteger left = new AtomicInteger(25);
        AtomicInteger calls = new AtomicInteger();
        int deleted = Retention.deleteInBatches(
                () -> {
                    calls.incrementAndGet();
                    int batch = Math.min(10, left.get());
                    left.addAndGet(-batch);
                    return batch;
                },
                10);
        assertThat(deleted).isEqualTo(25);
        assertThat(calls).hasValue(3);
    }

    @Test
    void oneRunStopsAfterTheMostBatchesAndLeavesTheRestForTheNext() {
        AtomicInteger calls = new AtomicInteger();
        int deleted = Retention.deleteInBatches(
                () -> {
                    calls.incrementAndGet();
                    return 5;
                },
                5);
        assertThat(calls).hasValue(Retention.BATCHES_MAX);
        assertThat(deleted).isEqualTo(5 * Retention.BATCHES_MAX);
    }
}
