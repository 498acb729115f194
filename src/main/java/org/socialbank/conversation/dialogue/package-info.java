/**
 * The dialogues as plain logic: a message and the conversation's state in, the next state and the
 * replies out. The bank is reached through the {@link org.socialbank.conversation.dialogue.Bank}
 * port, texts through {@link org.socialbank.conversation.dialogue.Texts}; no Spring, no SQL.
 */
package org.socialbank.conversation.dialogue;
