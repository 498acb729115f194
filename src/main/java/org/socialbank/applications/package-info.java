/**
 * Loan and credit-card applications (issue 16 s4): started in chat, filled in on the bank's page
 * (never in chat), decided by staff through the API; each change of status is told in the chat.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications")
package org.socialbank.applications;
