package org.socialbank.directory;

import java.util.UUID;

/**
 * The operation will not be confirmed: {@code reason} is {@code expired}, {@code
 * too_many_attempts} or {@code cancelled}. Its owner ({@link OperationRef#owner()}) must cancel it.
 */
public record OperationNotConfirmed(OperationRef operation, UUID challengeId, CustomerId customerId, String reason) {

    /** The operation as the challenge stores it, {@code owner:id}. */
    public String reference() {
        return operation.reference();
    }
}
