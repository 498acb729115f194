/**
 * Everyday payments to outside systems: Iranian utility bills (bill id + payment id, checked
 * offline, paid once per pair through a {@link org.socialbank.billing.Biller}), mobile top-ups and
 * card-to-card transfers. Every payment is a pending ledger transfer to the outside system's
 * settlement account, posted when it says paid and voided when it refuses, so no money is lost.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
package org.socialbank.billing;
