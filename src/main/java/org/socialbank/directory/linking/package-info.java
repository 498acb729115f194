/**
 * The machinery of linking and step-up: sign-in throttling and one-time code challenges sent by
 * SMS (stored only hashed, bound to what they confirm) or read from an authenticator.
 */
package org.socialbank.directory.linking;
