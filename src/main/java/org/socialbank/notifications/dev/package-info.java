/**
 * The developer SMS inbox: the embedded {@link org.socialbank.notifications.SmsGateway} that keeps
 * messages in the database (newest N only) instead of sending them, used while no real gateway is
 * configured.
 */
package org.socialbank.notifications.dev;
