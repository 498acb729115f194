/**
 * The console's HTTP side: its own security filter chain for {@code /console/**} (session cookie,
 * CSRF, a permission per endpoint), the sign-in pages, the audit pages, the dashboard and the
 * staff list, and the layout other modules' console pages use ({@code templates/console/layout.html}).
 */
package org.socialbank.console.web;
