/**
 * The HTTP API of sweeping under {@code /api/v1/customers/{id}}: external accounts with their
 * consents, pulls ("sweeps") and standing rules; refusals are problem+json with a code.
 */
package org.socialbank.sweeping.web;
