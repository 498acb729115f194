package org.socialbank.applications;

import java.time.Instant;
import java.util.Objects;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * An application and what the customer wrote on the bank's page (null until submitted).
 *
 * @param amountMinor the loan's amount, or the credit card's limit asked for
 * @param termMonths the loan's term (null for a card)
 * @param incomeMinor the customer's monthly income, as declared
 * @param reason the decision's reason, as staff wrote it (may be null)
 */
public record Application(
        ApplicationId id,
        CustomerId customerId,
        Product product,
        ApplicationStatus status,
        CurrencyCode currency,
        Long amountMinor,
        Integer termMonths,
        Long incomeMinor,
        String purpose,
        String reason,
        String channel,
        Instant createdAt,
        Instant updatedAt) {

    public Application {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
    }

    Application with(ApplicationStatus next, String why, Instant at) {
        return new Application(
                id,
                customerId,
                product,
                next,
                currency,
                amountMinor,
                termMonths,
                incomeMinor,
                purpose,
                why,
                channel,
                createdAt,
                at);
    }
}
