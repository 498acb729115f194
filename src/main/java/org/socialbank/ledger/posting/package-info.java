/**
 * The posting engine: the ledger's rules applied to a working set of locked accounts, and the
 * storage port it writes through. Pure Java: no Spring, no SQL.
 */
package org.socialbank.ledger.posting;
