/**
 * Consent: the customer's marketing consent per purpose, network and chat account, as an
 * append-only history (the exact text shown, time, channel, evidence) and a current state.
 * STOP words and platform block events withdraw it at once; service alerts never ask it.
 * See {@code docs/consent-and-alerts.md}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Consent",
        allowedDependencies = {"directory", "shared"})
package org.socialbank.consent;
