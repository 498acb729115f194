package org.socialbank.directory;

import java.time.Instant;

/** A one-time link to the bank's sign-in page for one chat account; single use, short-lived. */
public record LinkOffer(String url, Instant expiresAt) {}
