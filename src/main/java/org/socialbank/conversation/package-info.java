/**
 * The conversation engine: channel-neutral messages, the command language customers write in
 * five languages (`conversation.language`), and the dialogues that turn them into banking.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation")
package org.socialbank.conversation;
