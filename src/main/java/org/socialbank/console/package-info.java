/**
 * The staff console under {@code /console}: staff accounts (not customers) with roles, a
 * two-step sign-in (password, then an authenticator code), expiring sessions, and an append-only,
 * hash-chained audit of every staff action. Other modules use {@link
 * org.socialbank.console.StaffMember}, {@link org.socialbank.console.Permission} and {@link
 * org.socialbank.console.StaffAudit}, and may listen to {@link
 * org.socialbank.console.StaffAccountChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff console")
package org.socialbank.console;
