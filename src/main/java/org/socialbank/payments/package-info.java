/**
 * Payments by alias: to a customer in one ledger transfer, or to someone who is not a customer
 * yet through the bank's escrow account and a claim page; with risk limits, step-up confirmation,
 * an audit of every decision, and the events the chats turn into alerts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.socialbank.payments;
