/**
 * The bank's own web chat: its messages (sealed at rest), its sender for the outbox relay, its
 * janitor and settings; the page, the stream, the sign-in and the session are in {@code web}.
 */
package org.socialbank.channels.webchat;
