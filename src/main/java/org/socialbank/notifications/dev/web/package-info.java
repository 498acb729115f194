/**
 * The developer inboxes over HTTP, in demo mode only: pages at {@code /dev/sms} and {@code
 * /dev/email} for people, {@code /dev/sms.json} and {@code /dev/email.json} for tests and
 * scripts. Outside demo mode all of them answer 404.
 */
package org.socialbank.notifications.dev.web;
