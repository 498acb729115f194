/**
 * The conversation engine: channel-neutral messages ({@code Inbound}, {@code Outbound}), the use
 * case that handles each inbound message once ({@code Conversations}), the {@code ChannelSender}
 * SPI of the outbox relay, the command language ({@code conversation.language}) and the dialogues
 * ({@code conversation.dialogue}). See {@code docs/conversation-engine.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation")
package org.socialbank.conversation;
