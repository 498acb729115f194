/** The payments' HTTP API under {@code /api/v1} and the claim page under {@code /claim/{token}}. */
package org.socialbank.payments.web;
