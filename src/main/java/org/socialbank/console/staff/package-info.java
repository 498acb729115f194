/**
 * Staff accounts and their sign-in: bcrypt passwords, authenticator secrets sealed at rest, a code
 * used once, lockout after wrong tries, and sessions with an idle and an absolute timeout. Internal
 * to the console; other modules see only {@link org.socialbank.console.StaffMember}.
 */
package org.socialbank.console.staff;
