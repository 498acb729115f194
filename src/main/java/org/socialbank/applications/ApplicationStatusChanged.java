package org.socialbank.applications;

import java.util.List;
import org.socialbank.directory.CustomerId;

/**
 * An application's status changed (submitted on the page, or decided by staff or the underwriting),
 * published in the transaction that changed it: the chat is told once.
 *
 * @param reasons the underwriting's reason codes when it decided (empty when staff did)
 * @param formUrl the form's new link when the bank asks for more information (else null)
 */
public record ApplicationStatusChanged(
        ApplicationId id,
        CustomerId customerId,
        Product product,
        ApplicationStatus status,
        String reason,
        List<String> reasons,
        String formUrl) {

    public ApplicationStatusChanged {
        reasons = List.copyOf(reasons);
    }
}
