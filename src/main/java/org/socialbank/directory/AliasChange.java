package org.socialbank.directory;

import java.time.Instant;

/**
 * One row of the alias audit (review 2026-12-07 alias follow-up): who added, verified, replaced
 * or released an alias of which customer, when and why.
 *
 * @param action {@code added}, {@code verified}, {@code replaced} or {@code released}
 * @param actor the API client's token fingerprint, or {@code system}
 * @param reason staff's words, or the bank's code ({@code handle_renamed}, {@code handle_taken},
 *     {@code handle_gone}, {@code verified_by_another}); null when none
 */
public record AliasChange(Instant at, String action, CustomerId customerId, String actor, String reason) {}
