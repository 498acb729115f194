/**
 * The webhook endpoints {@code POST /webhooks/telegram/{bot}} and {@code /webhooks/bale/{bot}},
 * and the security chain that lets the platforms reach them with their secret token instead of a
 * CSRF token or a bearer token.
 */
package org.socialbank.channels.telegram.web;
