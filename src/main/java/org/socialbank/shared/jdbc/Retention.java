package org.socialbank.shared.jdbc;

import java.util.function.IntSupplier;

/** Deleting old rows a bounded batch at a time, so one run never holds a long transaction. */
public final class Retention {

    /** Batches one run deletes at most: a backlog is worked off over several runs. */
    public static final int BATCHES_MAX = 100;

    private Retention() {}

    /**
     * Runs {@code deleteBatch} (which deletes at most {@code batchMax} rows and says how many it
     * did) until a batch comes back short or {@link #BATCHES_MAX} batches ran; returns the total.
     */
    public static int deleteInBatches(IntSupplier deleteBatch, int batchMax) {
        int deleted = 0;
        for (int batches = 0; batches < BATCHES_MAX; batches++) {
            int batch = deleteBatch.getAsInt();
            deleted += batch;
            if (batch < batchMax) {
                break;
            }
        }
        return deleted;
    }
}
