/**
 * Loan and credit-card applications (issue 16 s4): started in chat, filled in and signed with an SMS
 * code on the bank's page (never in chat), decided by the underwriting SPI or staff; approved loans
 * paid out through the ledger with an annuity schedule and collected by the instalment job.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications")
package org.socialbank.applications;
