/**
 * The Telegram and Bale adapter: several bots per network, their updates (webhook or long polling)
 * mapped to the conversation engine's messages, deduplicated per bot, and the engine's replies sent
 * through the bot each chat talks to, within Telegram's documented rates.
 */
package org.socialbank.channels.telegram;
