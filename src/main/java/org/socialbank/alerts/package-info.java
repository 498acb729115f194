/**
 * Transaction alerts: every journal row that moves money on a customer's account becomes one
 * alert, exactly once, sent to the customer's preferred private chat in their language, held
 * through their quiet hours, gathered into a daily digest when she chose one, or sent by SMS as the
 * last resort (and told in chat, once, when that SMS failed for good and a chat can reach her); and
 * the customer's alert settings. See {@code docs/consent-and-alerts.md}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Alerts",
        allowedDependencies = {"ledger", "directory", "notifications", "shared"})
package org.socialbank.alerts;
