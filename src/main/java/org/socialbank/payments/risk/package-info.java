/**
 * Payment limits, risk rules and step-up policy: decides whether a payment attempt is allowed,
 * held for a confirmation on the bank's page, or rejected over a limit, and explains every
 * decision as a list of checks the payments module keeps as the payment's audit.
 */
@org.springframework.modulith.NamedInterface("risk")
package org.socialbank.payments.risk;
