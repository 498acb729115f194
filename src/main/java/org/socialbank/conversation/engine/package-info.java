/**
 * The engine's machinery: the inbox, dialogue state, button and outbox tables, the bank as the
 * dialogues see it ({@code ChatBank} and its per-feature {@code Chat*} collaborators), the link
 * alerts and the outbox relay.
 */
package org.socialbank.conversation.engine;
