/**
 * The double-entry ledger: accounts in one currency each with four balances, and an append-only
 * journal of transfers (single-phase, two-phase pending/post/void, linked batches) whose caller-
 * chosen ids make every write idempotent. Every movement of money in socialbank is booked here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package org.socialbank.ledger;
