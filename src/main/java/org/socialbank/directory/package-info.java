/**
 * The directory: customers, the ledger accounts they hold (one primary per currency), and the
 * aliases by which friends address them (phone, e-mail, $tag, a handle per network), each change
 * audited. Lookups answer a masked name, never an account or a full name, and only for a verified
 * alias; a handle alias goes when its network shows the handle has changed hands.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.socialbank.directory;
