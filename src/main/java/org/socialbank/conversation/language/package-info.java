/**
 * The command language: what a customer types in a chat, in English, French, Russian, Persian or
 * Chinese, read into an intent with its amount, currency and payees. Plain Java: no Spring, no
 * web; the grammar and its rules are in {@code docs/command-language.md}.
 */
@org.springframework.modulith.NamedInterface("language")
package org.socialbank.conversation.language;
