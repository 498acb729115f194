/**
 * Requests and splits over the HTTP API under {@code /api/v1}, the pay-link page under {@code
 * /pay-request/{token}} and, in demo mode only, the simulated incoming credit of {@code /dev}.
 */
package org.socialbank.payments.requests.web;
