/**
 * The engine's machinery: the inbox, dialogue state, button and outbox tables, the bank as the
 * dialogues see it ({@code ChatBank} and its per-feature {@code Chat*} collaborators), the link
 * alerts and the outbox relay ({@code OutboxRelay}, with its package-private parts: workers, leases,
 * turns, sends, outcomes, waits and metrics: {@code Relay*}).
 */
package org.socialbank.conversation.engine;
