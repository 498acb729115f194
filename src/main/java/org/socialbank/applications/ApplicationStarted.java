package org.socialbank.applications;

import java.time.Instant;
import org.socialbank.directory.CustomerId;

/**
 * A customer started an application (its form's link was sent), published in the transaction that
 * recorded it, once per application: a campaign counts it as a conversion (issue 17, 3.19).
 */
public record ApplicationStarted(ApplicationId id, CustomerId customerId, Product product, Instant at) {}
