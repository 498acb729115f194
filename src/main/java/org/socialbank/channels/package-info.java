/**
 * The channel adapters: each sub-package maps one network's wire format to the conversation
 * engine's {@code InboundMessage} and delivers its replies as that network's {@code ChannelSender}:
 * the bank's web chat ({@code channels.webchat}, page {@code /chat}), Telegram and Bale, WeChat,
 * WhatsApp and X. Their parts share one naming scheme: {@code <Network>Api} calls the platform,
 * {@code <Network>Updates} reads what it posts, {@code <Network>Inbox} hands each message to the
 * engine once (WeChat's {@code WeChatCallbacks}, which may answer within the callback),
 * {@code <Network>Replies} writes the engine's replies in the platform's format,
 * {@code <Network>Sender} sends them, and {@code web/<Network>Webhook} is where the platform posts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package org.socialbank.channels;
