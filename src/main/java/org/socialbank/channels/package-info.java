/**
 * The channel adapters: each sub-package maps one network's wire format to the conversation
 * engine's {@code InboundMessage} and delivers its replies as that network's {@code ChannelSender}.
 * The first is the bank's own web chat ({@code channels.webchat}, page {@code /chat}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package org.socialbank.channels;
