package org.socialbank.listening.cases;

import java.time.Instant;

/** A note staff wrote on a case (internal, never sent). */
public record CaseNote(String author, String text, Instant writtenAt) {}
