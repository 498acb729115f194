/**
 * The X (Twitter) channel: Account Activity events (public tweets that mention the bank, direct
 * messages, follows, revoked access) mapped to the conversation engine's messages, deduplicated by
 * event id, and the engine's replies sent as direct messages or as short neutral public replies.
 */
package org.socialbank.channels.x;
