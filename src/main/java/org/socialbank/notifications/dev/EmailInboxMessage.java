package org.socialbank.notifications.dev;

import java.time.Instant;
import java.util.UUID;

/** An e-mail as the developer inbox kept it; {@code language} is the message locale's BCP 47 tag. */
public record EmailInboxMessage(UUID id, String to, String subject, String body, String language, Instant createdAt) {}
