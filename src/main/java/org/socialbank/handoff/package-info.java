/**
 * Handoff to people (issue 19): who owns each conversation (the bot, the queue, an agent), the
 * engine's hook that keeps the bot silent while a person owns it, queues per team and language,
 * round-robin assignment within capacity among agents the console still sees, SLA timers, agents' replies through the outbox within
 * the channels' reply windows, and ratings. See {@code docs/handoff.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Handoff")
package org.socialbank.handoff;
