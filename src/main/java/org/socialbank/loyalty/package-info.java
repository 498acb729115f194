/**
 * Loyalty points (issue 16 s3, ADR 0011): earned on card purchases (by default; not cash, not p2p) by following the
 * ledger's journal, booked in the ledger in the unit QPT, expired first in first out, and redeemed
 * for a statement credit on the customer's credit card.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Loyalty")
package org.socialbank.loyalty;
