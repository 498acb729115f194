package org.socialbank.directory;

import java.util.UUID;

/** The customer confirmed the operation {@code reference} on the bank's page with the right code. */
public record OperationConfirmed(String reference, UUID challengeId, CustomerId customerId) {
}
