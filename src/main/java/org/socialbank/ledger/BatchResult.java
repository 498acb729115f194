package org.socialbank.ledger;

import java.util.List;

/** The outcome of a linked batch: all of its transfers were booked, or none was. */
public sealed interface BatchResult {

    /** Every transfer, in request order; {@code replayed} when all of them had been booked before. */
    record Committed(List<Transfer> transfers, boolean replayed) implements BatchResult {
        public Committed {
            transfers = List.copyOf(transfers);
        }
    }

    /**
     * Nothing was booked. {@code codes} has one entry per request in order: the failing one's own
     * code, {@link RejectionCode#LINKED_EVENT_FAILED} for every other.
     */
    record Rejected(int failedIndex, List<RejectionCode> codes) implements BatchResult {
        public Rejected {
            codes = List.copyOf(codes);
        }

        public RejectionCode code() {
            return codes.get(failedIndex);
        }
    }
}
