/**
 * The developer inboxes: the embedded {@link org.socialbank.notifications.SmsGateway} and {@link
 * org.socialbank.notifications.EmailGateway} that keep messages in the database (newest N only)
 * instead of sending them, used while no real gateway is configured. Both are one {@link
 * org.socialbank.notifications.dev.DevInbox} over their own table, shown by one controller.
 */
package org.socialbank.notifications.dev;
