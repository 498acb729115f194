package org.socialbank.directory;

import java.util.Optional;

/**
 * Implemented by a module whose operations are confirmed on the step-up page, so that the page
 * tells the truth after the right code. The owner carries the operation out while handling
 * {@link OperationConfirmed}, in the same transaction, so the outcome is known when the page answers.
 */
public interface ConfirmedOperations {

    /** What became of the confirmed operation; empty when it is not this owner's. */
    Optional<OperationOutcome> outcome(OperationRef operation);

    /**
     * The network of the chat the operation was asked in (issue 13: the page's "back to the chat"
     * link); empty when it is not this owner's or the owner does not record it.
     */
    default Optional<org.socialbank.shared.Network> chat(OperationRef operation) {
        return Optional.empty();
    }
}
