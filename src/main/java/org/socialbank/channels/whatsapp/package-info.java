/**
 * The WhatsApp Cloud API adapter: Meta's webhook (verification, signed events, deduplicated
 * messages and statuses) mapped to the conversation engine's messages, and the engine's replies
 * sent to {@code /<phone-number-id>/messages} as text, reply buttons, lists and link buttons inside
 * the 24-hour customer-service window and as approved templates outside it.
 */
package org.socialbank.channels.whatsapp;
