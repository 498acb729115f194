/**
 * Meta's webhook {@code /webhooks/whatsapp} (GET for the verification, POST for events) and the
 * security chain that lets Meta reach it with its signature instead of a CSRF or bearer token.
 */
package org.socialbank.channels.whatsapp.web;
