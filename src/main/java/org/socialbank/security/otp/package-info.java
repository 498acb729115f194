/**
 * One-time codes: RFC 6238 TOTP for authenticator apps (with Base32 secrets, otpauth URIs and
 * their QR codes), and random numeric codes and link tokens that are stored only as keyed hashes
 * bound to what they confirm. Plain Java apart from the configuration that supplies the pepper.
 */
@org.springframework.modulith.NamedInterface("otp")
package org.socialbank.security.otp;
