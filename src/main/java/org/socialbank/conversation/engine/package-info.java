/**
 * The engine's machinery: the inbox, dialogue state, button and outbox tables, the bank as the
 * dialogues see it, the link alerts and the outbox relay.
 */
package org.socialbank.conversation.engine;
