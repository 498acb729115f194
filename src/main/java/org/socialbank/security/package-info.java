/**
 * Who may call the HTTP API: bearer tokens from configuration (one generated and printed in demo
 * mode), compared in constant time, each with the scopes it may use ({@link
 * org.socialbank.security.ApiScope}); everything under {@code /api/} needs one, and the scope its
 * method and path name.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.socialbank.security;
