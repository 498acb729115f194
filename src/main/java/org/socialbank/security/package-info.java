/**
 * Who may call the HTTP API: bearer tokens from configuration (one generated and printed in demo
 * mode), compared in constant time; everything under {@code /api/} needs one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.socialbank.security;
