/**
 * The directory: customers, the ledger accounts they hold (one primary per currency), and the
 * aliases by which friends address them (phone, e-mail, $tag, a handle per network). Lookups
 * answer a masked name, never an account or a full name.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.socialbank.directory;
