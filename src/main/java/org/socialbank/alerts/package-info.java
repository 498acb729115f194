/**
 * Transaction alerts: every journal row that moves money on a customer's account becomes one
 * alert, exactly once, sent to the customer's preferred private chat in their language, or held
 * through their quiet hours; and the customer's alert settings. See {@code docs/consent-and-alerts.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerts",
        allowedDependencies = {"ledger", "directory", "shared"})
package org.socialbank.alerts;
