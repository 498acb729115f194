package org.socialbank.directory;

import java.util.UUID;

/**
 * The operation {@code reference} will not be confirmed: {@code reason} is {@code expired},
 * {@code too_many_attempts} or {@code cancelled}. The operation must be cancelled.
 */
public record OperationNotConfirmed(String reference, UUID challengeId, CustomerId customerId, String reason) {
}
