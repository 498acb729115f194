package org.socialbank.applications;

import org.socialbank.directory.CustomerId;

/**
 * An application's status changed (submitted on the page, or decided by staff), published in the
 * transaction that changed it: the chat is told once.
 */
public record ApplicationStatusChanged(ApplicationId id, CustomerId customerId, Product product,
        ApplicationStatus status, String reason) {
}
