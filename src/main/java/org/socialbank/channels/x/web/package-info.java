/**
 * The Account Activity webhook {@code /webhooks/x} (GET for the CRC challenge, POST for events)
 * and the security chain that lets X reach it with its signature instead of a CSRF or bearer token.
 */
package org.socialbank.channels.x.web;
