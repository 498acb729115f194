/**
 * Payouts: money sent to an account at another bank (an IBAN, or an Indian account number with
 * its IFSC) through the interbank {@link org.socialbank.payouts.InterbankRail} SPI. A payout moves
 * PENDING to SUCCEEDED, FAILED or UNKNOWN; a worker sends pending ones with a lease and a janitor
 * asks the rail again about in-flight and UNKNOWN ones (each send under its own end-to-end id, which
 * the rail refuses for good once it answered not_received), marking for review those in doubt too
 * long. The embedded rail is a sandbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payouts", allowedDependencies = "shared")
package org.socialbank.payouts;
