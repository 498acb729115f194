package org.socialbank.notifications.dev;

import java.time.Instant;
import java.util.UUID;

/** A message as the developer inbox kept it. */
public record InboxMessage(UUID id, String toE164, String text, Instant createdAt) {}
