/**
 * Notifications: text messages to people's phones behind the {@link
 * org.socialbank.notifications.SmsGateway} SPI, and e-mails behind the {@link
 * org.socialbank.notifications.EmailGateway} SPI. Real gateways (Twilio-like HTTP APIs) implement
 * the SPI later; a delivery moves PENDING to SUCCEEDED, FAILED or UNKNOWN, and a janitor asks the
 * gateway for the report of one not final ({@link org.socialbank.notifications.SmsGateway#status}). Until one is configured, the embedded developer inbox keeps the
 * messages in the database, readable at {@code /dev/sms} and {@code /dev/email} in demo mode.
 * Every SMS goes through {@link org.socialbank.notifications.BudgetedSms}, which takes it from the
 * {@link org.socialbank.notifications.SendBudgets} (per destination, per customer, per hour, and a
 * deny-list of number prefixes) before the provider's gateway (exactly one, checked at start-up)
 * sends it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.socialbank.notifications;
