package org.socialbank.directory;

/** Who an alias belongs to, as far as a payer may know: a masked name. */
public record AliasMatch(CustomerId customerId, String maskedName) {}
